using Grpc.Net.Client;
using Microsoft.Playwright;
using Safeguarding.Cli.Tests.Support;
using Safeguarding.Measures.V1;

namespace Safeguarding.Cli.Tests;

/// <summary>
/// Journey 1, the analyst's figures, by keyboard alone: record a figure (question page, check answers, the
/// service's refusal shown in the error summary linked to its input, confirmation), then correct one with a
/// reason (the service refusing a reason with a phone number in it first). Every page passes axe and fits 320 px.
/// </summary>
[Trait("Category", "Browser")]
public sealed class FiguresBrowserTests(RunningPlatform platform) : WebJourney(platform), IClassFixture<RunningPlatform>
{
    private const string Agency = "NB-HEALTH";
    private const string MeasureId = "parental-mental-health-measure-2";

    [Fact]
    public async Task An_analyst_records_a_figure_and_corrects_one_by_keyboard_and_sees_the_services_refusals_beside_the_field()
    {
        var analyst = await TokenAsync(Agency, "analyst");
        await SeedAsync(analyst);
        var page = await NewPageAsync();
        await SignInAsync(page, analyst, $"measures/{MeasureId}");

        // A form posted without its antiforgery token (as another site would) is refused and stores nothing.
        var forged = await page.APIRequest.PostAsync(new Uri(Site, $"measures/{MeasureId}/figures/new").ToString(), new()
        {
            Form = page.APIRequest.CreateFormData().Set("Month", "2").Set("Year", "2026").Set("Amount", "999"),
            MaxRedirects = 0,
        });
        Assert.Equal(400, forged.Status);

        // Record: February 2026, first with a negative figure the page lets through and the service refuses.
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Record a figure" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/measures/{MeasureId}/figures/new");
        await AssertGoodPageAsync(page);
        await TabToAsync(page, page.GetByLabel("Month"));
        await page.Keyboard.TypeAsync("2");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("2026");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("-5");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/figures/check");
        Assert.Contains("February 2026", await page.Locator(".govuk-summary-list").InnerTextAsync(), StringComparison.Ordinal);
        await AssertGoodPageAsync(page);

        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Record the figure" }));
        var refused = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Url.EndsWith("/figures/new", StringComparison.Ordinal));
        Assert.Equal(400, refused.Status);
        var summaryLink = page.Locator(".govuk-error-summary a[href='#amount']");
        await summaryLink.WaitForAsync();
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Contains("must not be negative", await summaryLink.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("-5", await page.GetByLabel("Figure").InputValueAsync());
        Assert.Equal("2", await page.GetByLabel("Month").InputValueAsync());
        await AssertGoodPageAsync(page);

        // The summary's link takes focus to the input; put the right figure in and record it.
        await TabToAsync(page, summaryLink);
        await page.Keyboard.PressAsync("Enter");
        await WaitForFocusAsync(page, "amount");
        await page.Keyboard.PressAsync("ControlOrMeta+A");
        await page.Keyboard.TypeAsync("141");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/figures/check");
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Record the figure" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/figures/done");
        Assert.Contains("Figure recorded", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("February 2026: 141", await page.Locator(".govuk-panel__body").InnerTextAsync(), StringComparison.Ordinal);
        await AssertGoodPageAsync(page);

        // Correct January's 140 to 150: a reason with a phone number is refused by the service, on the reason.
        await page.GotoAsync(new Uri(Site, $"measures/{MeasureId}").ToString());
        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Correct the figure for January 2026" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/correct");
        await AssertGoodPageAsync(page);
        await TabToAsync(page, page.GetByLabel("Figure"));
        await page.Keyboard.TypeAsync("150");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Late return, call 07700 900123");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/figures/check");
        Assert.Contains("140", await page.Locator(".govuk-summary-list").InnerTextAsync(), StringComparison.Ordinal);
        await AssertGoodPageAsync(page);
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Correct the figure" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/correct");
        Assert.Equal(1, await page.Locator(".govuk-error-summary a[href='#reason']").CountAsync());
        Assert.Equal("150", await page.GetByLabel("Figure").InputValueAsync());
        await AssertGoodPageAsync(page);

        await page.GetByLabel("Why is it being corrected?").FocusAsync();
        await page.Keyboard.PressAsync("ControlOrMeta+A");
        await page.Keyboard.TypeAsync("Late return from a team");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/figures/check");
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Correct the figure" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/figures/done");
        Assert.Contains("Figure corrected", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await AssertGoodPageAsync(page);

        // The measure's table now has both: January corrected, February recorded; nothing typed is in any address.
        await page.GotoAsync(new Uri(Site, $"measures/{MeasureId}").ToString());
        var table = await page.Locator("table").InnerTextAsync();
        Assert.Matches(@"January 2026\s+150", table);
        Assert.Matches(@"February 2026\s+141", table);
    }

    private static async Task WaitForFocusAsync(IPage page, string id) =>
        await page.WaitForFunctionAsync($"() => document.activeElement && document.activeElement.id === '{id}'");

    /// <summary>NB-HEALTH adopts a library area and measure (a monthly count) and records January through the gateway.</summary>
    private async Task SeedAsync(string token)
    {
        using var channel = GrpcChannel.ForAddress(Address("gateway", "grpc"));
        var measures = new MeasuresService.MeasuresServiceClient(channel);
        var options = As(token, Agency);
        await measures.AdoptContentAreaAsync(new AdoptContentAreaRequest { OrganisationCode = Agency, LibraryContentAreaId = "parental-mental-health" }, options);
        await measures.DefineMeasureAsync(new DefineMeasureRequest { LibraryMeasureId = MeasureId, Frequency = Frequency.Monthly }, options);
        await measures.RecordObservationAsync(new RecordObservationRequest
        {
            OrganisationCode = Agency,
            MeasureId = MeasureId,
            Period = new Period { Granularity = PeriodGranularity.Month, StartYear = 2026, StartMonth = 1 },
            Value = new ObservationValue { State = ObservationState.Value, Amount = "140" },
            Source = new ObservationSource { Kind = ProvenanceKind.ManualEntry },
        }, options);
    }
}
