using System.Globalization;
using Grpc.Net.Client;
using Microsoft.Playwright;
using Safeguarding.Cli.Tests.Support;
using Safeguarding.Measures.V1;

namespace Safeguarding.Cli.Tests;

/// <summary>
/// Journey: returns (issue 17), by keyboard. An agency's analyst finds its January to March 2026 return missing,
/// submits it and is refused for a blocking violation (the error summary says what to do), explains the violation
/// (an empty reason and a phone number refused first), and submits it. The partnership's analyst approves its
/// agencies' submitted returns together (none ticked first), then reopens one with a reason. Every page passes axe
/// and fits 320 px.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ReturnsBrowserTests(RunningPlatform platform) : WebJourney(platform), IClassFixture<RunningPlatform>
{
    private const string Agency = "NB-CSC";
    private const string OtherAgency = "NB-HEALTH";
    private const string Partnership = "NB-LSCP";
    private const string ReturnPath = "returns/london-common/2026-01";

    [Fact]
    public async Task An_agency_explains_a_blocking_violation_and_submits_and_its_partnership_approves_in_bulk_and_reopens_one()
    {
        var analyst = await TokenAsync(Agency, "analyst");
        await SeedAsync(analyst);

        var page = await NewPageAsync();
        await SignInAsync(page, analyst);
        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Returns", Exact = true }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/returns");
        var row = await page.Locator("tr", new() { Has = page.Locator($"a[href='/{ReturnPath}']") }).InnerTextAsync();
        Assert.Contains("Open", row, StringComparison.Ordinal);
        Assert.Contains("Missing", row, StringComparison.Ordinal); // due 28 days after March 2026
        await AssertGoodPageAsync(page);

        await TabToAsync(page, page.Locator($"a[href='/{ReturnPath}']"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/{ReturnPath}");
        await AssertGoodPageAsync(page);

        // Submitted with February's assessments in timescale above the assessments: refused, and the page says why and what to do.
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Submit this return" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/{ReturnPath}/submit");
        Assert.Equal("Check your answers before submitting the return", (await page.Locator("h1").InnerTextAsync()).Trim());
        await AssertGoodPageAsync(page);
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Submit the return" }));
        var refused = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        var summary = await page.Locator(".govuk-error-summary a[href='#blocking']").InnerTextAsync();
        Assert.Contains("explain why it is right, then submit again", summary, StringComparison.Ordinal);
        var blocking = await page.Locator("#blocking + .sg-table-wrapper table").InnerTextAsync();
        Assert.Contains("front-door-services-measure-3 (60) is more than front-door-services-measure-2 (50)", blocking, StringComparison.Ordinal);
        await AssertGoodPageAsync(page);

        await TabToAsync(page, page.Locator("#blocking + .sg-table-wrapper a[href$='/explain']"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/explain");
        await AssertGoodPageAsync(page);

        // No reason, then a phone number in it: refused by the page, then by the service, each linked to the reason.
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Explain the violation" }));
        refused = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        await page.Locator(".govuk-error-summary a[href='#reason']").WaitForAsync();
        await AssertGoodPageAsync(page);
        await page.Locator("#reason").FocusAsync();
        await page.Keyboard.TypeAsync("Confirmed with the team manager on 07700 900456");
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Explain the violation" }));
        refused = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        await page.Locator(".govuk-error-summary a[href='#reason']").WaitForAsync();
        Assert.Contains("07700", await page.Locator("#reason").InputValueAsync(), StringComparison.Ordinal); // kept to correct
        Assert.Equal(1, await page.Locator("#reason-error").CountAsync());

        await page.Locator("#reason").FocusAsync();
        await page.Keyboard.PressAsync("ControlOrMeta+A");
        await page.Keyboard.TypeAsync("January assessments completed in February were counted as February's in timescale");
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Explain the violation" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/{ReturnPath}#violations");
        Assert.Contains("Violation explained", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Explained: January assessments", await page.Locator("#violations ~ .sg-table-wrapper").First.InnerTextAsync(), StringComparison.Ordinal);
        await AssertGoodPageAsync(page);

        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Submit this return" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/{ReturnPath}/submit");
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Submit the return" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/{ReturnPath}/submitted");
        Assert.Equal("Return submitted", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("Late", await page.Locator(".govuk-panel__body").InnerTextAsync(), StringComparison.Ordinal);
        await AssertGoodPageAsync(page);

        // The partnership: both agencies' submitted returns, approved together once some are ticked.
        var partnership = await NewPageAsync();
        await SignInAsync(partnership, await TokenAsync(Partnership, "analyst"), ReturnPath);
        var table = await partnership.Locator("#agencies ~ form table").InnerTextAsync();
        Assert.Contains(Agency, table, StringComparison.Ordinal);
        Assert.Contains(OtherAgency, table, StringComparison.Ordinal);
        await AssertGoodPageAsync(partnership);

        await TabToAsync(partnership, partnership.GetByRole(AriaRole.Button, new() { Name = "Approve the selected returns" }));
        refused = await partnership.RunAndWaitForResponseAsync(() => partnership.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        await partnership.Locator(".govuk-error-summary a[href='#approve']").WaitForAsync();
        await AssertGoodPageAsync(partnership);

        foreach (var organisation in new[] { Agency, OtherAgency })
        {
            await TabToAsync(partnership, partnership.Locator($"input[name=Selected][value='{organisation}']"));
            await partnership.Keyboard.PressAsync("Space");
        }

        await TabToAsync(partnership, partnership.GetByRole(AriaRole.Button, new() { Name = "Approve the selected returns" }));
        await partnership.Keyboard.PressAsync("Enter");
        await partnership.Locator(".govuk-notification-banner").WaitForAsync();
        Assert.Contains("2 returns approved", await partnership.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches($@"{Agency}\s+Approved", await RowAsync(partnership, Agency));
        Assert.Matches($@"{OtherAgency}\s+Approved", await RowAsync(partnership, OtherAgency));
        await AssertGoodPageAsync(partnership);

        // Reopened with a reason: back to the agency, open.
        await TabToAsync(partnership, partnership.GetByRole(AriaRole.Link, new() { Name = $"Reopen the return of {Agency}" }));
        await partnership.Keyboard.PressAsync("Enter");
        await partnership.WaitForURLAsync("**/reopen");
        await AssertGoodPageAsync(partnership);
        await partnership.Locator("#reason").FocusAsync();
        await partnership.Keyboard.TypeAsync("February's assessments need recounting before the quarter is signed off");
        await TabToAsync(partnership, partnership.GetByRole(AriaRole.Button, new() { Name = "Reopen the return" }));
        await partnership.Keyboard.PressAsync("Enter");
        await partnership.WaitForURLAsync($"**/{ReturnPath}");
        Assert.Contains($"{Agency}'s return reopened", await partnership.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches($@"{Agency}\s+Open", await RowAsync(partnership, Agency));
        await AssertGoodPageAsync(partnership);
    }

    private static async Task<string> RowAsync(IPage page, string organisation) =>
        await page.Locator("#agencies ~ form tr", new() { Has = page.Locator($"td:text-is('{organisation}')") }).InnerTextAsync();

    /// <summary>
    /// NB-CSC records January to March 2026 assessments, February's in timescale above February's total (a blocking
    /// rule of the London common dataset); NB-HEALTH submits its return for the quarter.
    /// </summary>
    private async Task SeedAsync(string token)
    {
        using var channel = GrpcChannel.ForAddress(Address("gateway", "grpc"));
        var measures = new MeasuresService.MeasuresServiceClient(channel);
        var options = As(token, Agency);
        await measures.AdoptContentAreaAsync(new AdoptContentAreaRequest { OrganisationCode = Agency, LibraryContentAreaId = "front-door-services" }, options);
        var assessments = (await measures.DefineMeasureAsync(new DefineMeasureRequest { LibraryMeasureId = "front-door-services-measure-2", Frequency = Frequency.Monthly }, options)).Definition.Id;
        var inTimescale = (await measures.DefineMeasureAsync(new DefineMeasureRequest { LibraryMeasureId = "front-door-services-measure-3", Frequency = Frequency.Monthly }, options)).Definition.Id;
        foreach (var (month, total, timely) in new[] { (1, 50, 40), (2, 50, 60), (3, 50, 45) })
        {
            await RecordAsync(measures, options, assessments, month, total);
            await RecordAsync(measures, options, inTimescale, month, timely);
        }

        await new ReturnsService.ReturnsServiceClient(channel).SubmitReturnAsync(
            new SubmitReturnRequest
            {
                OrganisationCode = OtherAgency, DatasetId = "london-common",
                Period = new Period { Granularity = PeriodGranularity.Quarter, StartYear = 2026, StartMonth = 1 },
            },
            As(await TokenAsync(OtherAgency, "analyst"), OtherAgency));
    }

    private static async Task RecordAsync(MeasuresService.MeasuresServiceClient measures, Grpc.Core.CallOptions options, string measureId, int month, int count) =>
        await measures.RecordObservationAsync(new RecordObservationRequest
        {
            OrganisationCode = Agency,
            MeasureId = measureId,
            Period = new Period { Granularity = PeriodGranularity.Month, StartYear = 2026, StartMonth = month },
            Value = new ObservationValue { State = ObservationState.Value, Amount = count.ToString(CultureInfo.InvariantCulture) },
            Source = new ObservationSource { Kind = ProvenanceKind.ManualEntry },
        }, options);
}
