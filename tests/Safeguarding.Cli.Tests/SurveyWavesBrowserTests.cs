using System.Globalization;
using Microsoft.Playwright;
using Safeguarding.Cli.Tests.Support;
using Safeguarding.Surveys.Tests.Unit;

namespace Safeguarding.Cli.Tests;

/// <summary>
/// Journey: the survey admin loads an XLSForm and opens a wave of it, by keyboard (the file chooser aside). No file,
/// then a broken form (the service's problems listed by sheet, row and column with what to fix), then the valid form;
/// then the wave's question page with nothing answered, answered, checked, and opened with its one-time codes shown
/// once. Every page passes axe and fits 320 px.
/// </summary>
[Trait("Category", "Browser")]
public sealed class SurveyWavesBrowserTests(RunningPlatform platform) : WebJourney(platform), IClassFixture<RunningPlatform>
{
    private const string Organisation = "NB-CSC";

    [Fact]
    public async Task A_survey_admin_loads_an_XLSForm_after_fixing_its_problems_and_opens_a_wave_with_its_codes()
    {
        var broken = await WorkbookAsync("broken.xlsx", XlsxBuilder.Build(
            ("survey",
            [
                XlsxBuilder.SurveyHeader,
                ["select_one yes_no", "q1", "First?", "yes", "", "", "", "", ""],
                ["geotrace", "q2", "Route?", "", "", "", "", "", ""],
            ]),
            ("choices", [["list_name", "name", "label"], ["yes_no", "yes", "Yes"], ["yes_no", "no", "No"]]),
            ("settings", [["form_id", "form_title", "audience"], ["web-broken", "Broken", "parent_carer"]])));
        var valid = await WorkbookAsync("parents.xlsx", XlsxBuilder.ValidForm());

        var page = await NewPageAsync();
        await SignInAsync(page, await TokenAsync(Organisation, "survey-admin"), "surveys");
        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Load a questionnaire from an XLSForm" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/surveys/questionnaires/new");
        await AssertGoodPageAsync(page);

        // No file: the page's own check, linked to the file input.
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Upload and load" }));
        var refused = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        await page.Locator(".govuk-error-summary a[href='#file']").WaitForAsync();
        await AssertGoodPageAsync(page);

        // A broken form: refused by the service, each problem where it is in the spreadsheet.
        await page.Locator("#file").SetInputFilesAsync(broken);
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Upload and load" }));
        refused = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        await page.Locator(".govuk-error-summary a[href='#file']").WaitForAsync();
        Assert.Contains("1 problem to fix", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        var problem = await page.Locator("#sheet-problems tbody tr").InnerTextAsync();
        Assert.Matches(@"survey\s+3\s+A\s+type: 'geotrace' is not a supported question type", problem);
        await AssertGoodPageAsync(page);

        await page.Locator("#file").SetInputFilesAsync(valid);
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Upload and load" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/surveys/questionnaires/loaded");
        Assert.Contains("Parents at closure, version 1", await page.Locator(".govuk-panel").InnerTextAsync(), StringComparison.Ordinal);
        await AssertGoodPageAsync(page);

        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Open a wave of this questionnaire" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/surveys/waves/new?questionnaire=parent-exit");
        Assert.Equal("parent-exit", await page.Locator("#questionnaire").InputValueAsync());
        await AssertGoodPageAsync(page);

        // Nothing answered: every question named in the summary.
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Continue" }));
        refused = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        await page.Locator(".govuk-error-summary").WaitForAsync();
        foreach (var input in new[] { "title", "kind", "period", "closes-day", "invited" })
        {
            Assert.Equal(1, await page.Locator($".govuk-error-summary a[href='#{input}']").CountAsync());
        }

        await AssertGoodPageAsync(page);

        var closes = DateTime.UtcNow.AddDays(14);
        await page.Locator("#title").FocusAsync();
        await page.Keyboard.TypeAsync("Parents at closure, web wave");
        await TabToAsync(page, page.Locator("#kind"));
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, page.Locator("#period"));
        await page.Locator("#period").SelectOptionAsync(new SelectOptionValue { Index = 2 });
        foreach (var (input, value) in new[] { ("#closes-day", closes.Day), ("#closes-month", closes.Month), ("#closes-year", closes.Year) })
        {
            await TabToAsync(page, page.Locator(input));
            await page.Keyboard.TypeAsync(value.ToString(CultureInfo.InvariantCulture));
        }

        await TabToAsync(page, page.Locator("#invited"));
        await page.Keyboard.TypeAsync("3");
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Continue" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/surveys/waves/check");
        var answers = await page.Locator(".govuk-summary-list").InnerTextAsync();
        Assert.Contains("Parents at closure, web wave", answers, StringComparison.Ordinal);
        Assert.Contains("At closure", answers, StringComparison.Ordinal);
        Assert.Contains(closes.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), answers, StringComparison.Ordinal);
        await AssertGoodPageAsync(page);

        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Open the wave" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/surveys/waves/opened");
        Assert.Contains("3 codes", await page.Locator(".govuk-panel").InnerTextAsync(), StringComparison.Ordinal);
        var rows = page.Locator("tbody tr");
        Assert.Equal(3, await rows.CountAsync());
        var first = await rows.First.Locator("td").AllInnerTextsAsync();
        // The code as printed; the link is the respondent's page behind the gateway, with the code without its dashes.
        var link = first[1];
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/s/" + first[0].Replace("-", "", StringComparison.Ordinal) + "$", link);
        var respondentPage = await page.Context.NewPageAsync();
        Assert.True((await respondentPage.GotoAsync(link))?.Ok, "The respondent's link does not open the survey: " + link);
        await respondentPage.CloseAsync();
        await AssertGoodPageAsync(page);

        // The codes are shown once: the page again goes back to surveys, where the wave is listed as open.
        await page.ReloadAsync();
        await page.WaitForURLAsync("**/surveys");
        Assert.Matches(@"Open\s", await page.Locator("tr", new() { HasTextString = "Parents at closure, web wave" }).InnerTextAsync());
    }

    private async Task<string> WorkbookAsync(string name, byte[] xlsx)
    {
        var path = Path.Combine(Platform.Data.FullName, name);
        await File.WriteAllBytesAsync(path, xlsx);
        return path;
    }
}
