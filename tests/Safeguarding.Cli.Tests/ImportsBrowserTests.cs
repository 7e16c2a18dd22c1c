using System.Text.RegularExpressions;
using Grpc.Net.Client;
using Microsoft.Playwright;
using Safeguarding.Cli.Tests.Support;
using Safeguarding.Measures.V1;

namespace Safeguarding.Cli.Tests;

/// <summary>
/// Journey 1, the analyst's CSV upload: a form sent empty first (both errors in the summary, linked to their
/// inputs), then a made-up release with one unreadable row and one published percentage that disagrees, with
/// the organisation's uploaded mapping; the progress page follows the upload and turns into the report (rows,
/// the rejected line and why, the mismatch). Again without JavaScript, as a check only: "Check progress" reloads
/// until the report is there. Every page passes axe and fits 320 px.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class ImportsBrowserTests(RunningPlatform platform) : WebJourney(platform), IClassFixture<RunningPlatform>
{
    private const string Organisation = "NB-LSCP";

    [Fact]
    public async Task An_analyst_uploads_a_csv_with_a_mapping_follows_its_progress_and_reads_the_report_with_and_without_javascript()
    {
        var analyst = await TokenAsync(Organisation, "analyst");
        await UploadMappingAsync(analyst);
        var release = await ReleaseWithTwoFaultsAsync();

        var page = await NewPageAsync();
        await SignInAsync(page, analyst, "imports/new");
        await AssertGoodPageAsync(page);

        // Nothing chosen: the summary names both inputs.
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Upload and import" }));
        var refused = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.Equal(1, await page.Locator(".govuk-error-summary a[href='#mapping']").CountAsync());
        Assert.Equal(1, await page.Locator(".govuk-error-summary a[href='#file']").CountAsync());
        await AssertGoodPageAsync(page);

        // The mapping by keyboard (a select answers to typing its option's first letters), the file through its chooser.
        await TabToAsync(page, page.GetByLabel("Mapping", new() { Exact = true }));
        await page.GetByLabel("Mapping", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "early-help-assessments-made-up" });
        await page.GetByLabel("CSV file").SetInputFilesAsync(release);
        await TabToAsync(page, page.GetByLabel("Add the mapping's measures"));
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Upload and import" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/imports/[0-9a-f]{32}$"));
        var reportUrl = page.Url;

        // The script reloads the progress page into the report.
        await page.Locator("h1", new() { HasTextString = "Import report" }).WaitForAsync(new() { Timeout = 60_000 });
        var summary = await page.Locator(".govuk-summary-list").InnerTextAsync();
        Assert.Matches(@"Rows read\s+10", summary);
        Assert.Matches(@"Rows imported\s+9", summary);
        Assert.Matches(@"Rows rejected\s+1", summary);
        var problems = await page.Locator("table", new() { HasTextString = "Problems by line" }).InnerTextAsync();
        Assert.Matches(@"11\s+assessments_started\s+Rejected", problems);
        var mismatches = await page.Locator("table", new() { HasTextString = "do not match" }).InnerTextAsync();
        Assert.Matches(@"10\s+madeup.early_help_completed_within_45_days\s+E09000019\s+2023-04/P12M\s+75\s+70", mismatches);
        await AssertGoodPageAsync(page);

        // Another person cannot open this import's page.
        var other = await NewPageAsync();
        await SignInAsync(other, await TokenAsync(Organisation, "analyst", "another-analyst"), "imports/new");
        var response = await other.GotoAsync(reportUrl);
        Assert.Equal(404, response!.Status);

        // Without JavaScript: a check only, followed by pressing "Check progress" until the report is there.
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true, JavaScriptEnabled = false });
        var plain = await context.NewPageAsync();
        await SignInAsync(plain, analyst, "imports/new");
        await plain.GetByLabel("Mapping", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "early-help-assessments-made-up" });
        await plain.GetByLabel("CSV file").SetInputFilesAsync(release);
        await plain.GetByLabel("Only check the file").CheckAsync();
        await plain.GetByRole(AriaRole.Button, new() { Name = "Upload and import" }).ClickAsync();
        await plain.WaitForURLAsync(new Regex("/imports/[0-9a-f]{32}$"));
        for (var i = 0; i < 60 && await plain.GetByRole(AriaRole.Button, new() { Name = "Check progress" }).CountAsync() == 1; i++)
        {
            Assert.Equal(1, await plain.Locator("progress").CountAsync());
            await Task.Delay(500);
            await plain.GetByRole(AriaRole.Button, new() { Name = "Check progress" }).ClickAsync();
        }

        Assert.Contains("Import report", await plain.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("nothing was stored", await plain.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var checkOnly = await plain.Locator(".govuk-summary-list").InnerTextAsync();
        Assert.Matches(@"Figures that would be stored\s+0\s", checkOnly); // all already imported above
        Assert.Matches(@"Rows rejected\s+1\s", checkOnly);
    }

    /// <summary>The organisation's own mapping, as docs/import-mappings.md shows it, uploaded through the gateway.</summary>
    private async Task UploadMappingAsync(string token)
    {
        var docs = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "import-mappings.md"));
        var marker = docs.IndexOf("<!-- example: wide-mapping -->", StringComparison.Ordinal);
        Assert.True(marker >= 0, "docs/import-mappings.md has no wide-mapping example");
        var yaml = Block().Match(docs, marker).Groups["body"].Value;
        using var channel = GrpcChannel.ForAddress(Address("gateway", "grpc"));
        var uploaded = await new MeasuresService.MeasuresServiceClient(channel).UploadImportMappingAsync(
            new UploadImportMappingRequest { OrganisationCode = Organisation, Document = yaml }, As(token, Organisation));
        Assert.True(uploaded.Stored);
    }

    /// <summary>The made-up release with Birmingham's 2024 start count unreadable (line 11) and Islington's 2024 percentage misprinted (line 10).</summary>
    private async Task<string> ReleaseWithTwoFaultsAsync()
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(RepositoryRoot(), "tests", "Safeguarding.Cli.Tests", "Releases", "early_help_assessments_2024_to_2025_made_up.csv"));
        Assert.EndsWith("Islington,610,427,70.0", lines[9], StringComparison.Ordinal);
        Assert.EndsWith("Birmingham,4000,2800,70.0", lines[10], StringComparison.Ordinal);
        lines[9] = lines[9].Replace("610,427,70.0", "610,427,75.0", StringComparison.Ordinal);
        lines[10] = lines[10].Replace("4000,2800,70.0", "lots,2800,70.0", StringComparison.Ordinal);
        var path = Path.Combine(Platform.Data.FullName, "early_help_with_faults.csv");
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Safeguarding.Platform.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [GeneratedRegex(@"```yaml\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();
}
