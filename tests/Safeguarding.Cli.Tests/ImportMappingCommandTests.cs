using System.Text.Json;
using System.Text.RegularExpressions;
using Safeguarding.Cli.Tests.Support;

namespace Safeguarding.Cli.Tests;

/// <summary>
/// Issue 19 item 7, as a new analyst does it: two made-up releases the platform has never seen (Releases/), imported
/// through the CLI against a running platform with the mappings copied from docs/import-mappings.md — dry run,
/// upload, list, import, re-import, a new version — and a mistake in a mapping named by its path.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class ImportMappingCommandTests(RunningPlatform platform) : IClassFixture<RunningPlatform>
{
    private const string Organisation = "NB-LSCP";

    private static readonly string Releases = Path.Combine(RepositoryRoot(), "tests", "Safeguarding.Cli.Tests", "Releases");

    private static readonly string Docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "import-mappings.md"));

    [Fact]
    public async Task A_wide_release_is_imported_from_the_docs_alone()
    {
        var release = Path.Combine(Releases, "early_help_assessments_2024_to_2025_made_up.csv");
        AssertTheDocsShowTheFile("wide-file", release);
        var mapping = await MappingFromDocsAsync("wide-mapping", "wide.yaml");

        var dryRun = await platform.RunAsync("import", "mapping", "dry-run", mapping, release, "-o", Organisation);
        Assert.True(dryRun.ExitCode == 0, dryRun.All);
        Assert.True(Flat(dryRun).Contains("columns matched: 'time_period'", StringComparison.Ordinal), dryRun.All);
        Assert.True(Flat(dryRun).Contains("columns in the file the mapping does not use: none", StringComparison.Ordinal), dryRun.All);
        Assert.True(Flat(dryRun).Contains("Measures that would be defined: madeup.early_help_assessments_started madeup.early_help_completed_within_45_days", StringComparison.Ordinal), dryRun.All);
        Assert.True(Flat(dryRun).Contains("madeup.early_help_completed_within_45_days", StringComparison.Ordinal), dryRun.All);
        Assert.True(Flat(dryRun).Contains("dry run: nothing stored", StringComparison.Ordinal), dryRun.All);

        var upload = await platform.RunAsync("import", "mapping", "upload", mapping, "-o", Organisation);
        Assert.True(upload.ExitCode == 0, upload.All);
        Assert.True(Flat(upload).Contains("early-help-assessments-made-up version 1", StringComparison.Ordinal), upload.All);
        Assert.True(Flat(upload).Contains("stored", StringComparison.Ordinal), upload.All);
        Assert.True(Flat(upload).Contains("--define-missing-measures", StringComparison.Ordinal), upload.All);

        var list = await platform.RunAsync("import", "mapping", "list", "-o", Organisation);
        Assert.True(list.ExitCode == 0, list.All);
        Assert.True(Flat(list).Contains("early-help-assessments-made-up (uploaded version 1; ees; 2 measures)", StringComparison.Ordinal), list.All);
        Assert.True(Flat(list).Contains("ees-cin-referrals-rereferrals (shipped;", StringComparison.Ordinal), list.All);

        var first = await ImportAsync(release, "early-help-assessments-made-up", "wide-first.json");
        Assert.Equal(("10", "0", "20", "9"), (Get(first, "rowsImported"), Get(first, "rowsRejected"), Get(first, "observationsRecorded"), Get(first, "checksMatched")));
        Assert.Equal("1", Get(first, "checksNotChecked")); // Islington's withheld 2025 figure
        Assert.Equal("1", Get(first, "mappingVersion"));
        var again = await ImportAsync(release, "early-help-assessments-made-up", "wide-again.json");
        Assert.Equal(("0", "20"), (Get(again, "observationsRecorded"), Get(again, "observationsSkippedIdentical")));
    }

    [Fact]
    public async Task A_long_release_is_imported_from_the_docs_alone_and_a_changed_mapping_is_a_new_version()
    {
        var release = Path.Combine(Releases, "placement_stability_2024_to_2025_made_up.csv");
        AssertTheDocsShowTheFile("long-file", release);
        var mapping = await MappingFromDocsAsync("long-mapping", "long.yaml");

        var dryRun = await platform.RunAsync("import", "mapping", "dry-run", mapping, release, "-o", Organisation);
        Assert.True(dryRun.ExitCode == 0, dryRun.All);
        Assert.True(Flat(dryRun).Contains("'placements'", StringComparison.Ordinal), dryRun.All);
        Assert.True(Flat(dryRun).Contains("madeup.cla_three_or_more_placements", StringComparison.Ordinal), dryRun.All);
        var upload = await platform.RunAsync("import", "mapping", "upload", mapping, "-o", Organisation);
        Assert.True(upload.ExitCode == 0, upload.All);

        var report = await ImportAsync(release, "placement-stability-made-up", "long.json");
        Assert.Equal(("26", "25", "1", "0"), (Get(report, "rowsRead"), Get(report, "rowsImported"), Get(report, "rowsSkipped"), Get(report, "rowsRejected")));
        Assert.Equal("3", report.RootElement.GetProperty("states").GetProperty("suppressed").GetString());

        // A corrected mapping is version 2; version 1 stays readable, and an import can still name it.
        await File.WriteAllTextAsync(mapping, (await File.ReadAllTextAsync(mapping)).Replace("(made-up release)", "(made-up release, corrected)", StringComparison.Ordinal));
        var second = await platform.RunAsync("import", "mapping", "upload", mapping, "-o", Organisation);
        Assert.True(second.ExitCode == 0, second.All);
        Assert.True(Flat(second).Contains("placement-stability-made-up version 2", StringComparison.Ordinal), second.All);
        var old = await platform.RunAsync("import", "mapping", "show", "placement-stability-made-up", "--version", "1", "-o", Organisation);
        Assert.True(old.ExitCode == 0, old.All);
        Assert.True(Flat(old).Contains("Placement stability of children looked after (made-up release)", StringComparison.Ordinal), old.All);
        Assert.True(Flat(old).Contains("version 2: Placement stability of children looked after (made-up release, corrected)", StringComparison.Ordinal), old.All);
        var pinned = await ImportAsync(release, "placement-stability-made-up", "long-v1.json", "--mapping-version", "1");
        Assert.Equal(("1", "0"), (Get(pinned, "mappingVersion"), Get(pinned, "observationsRecorded")));
    }

    [Fact]
    public async Task A_mistake_in_a_mapping_is_named_by_its_path_and_a_file_it_does_not_fit_says_which_columns_are_missing()
    {
        var release = Path.Combine(Releases, "early_help_assessments_2024_to_2025_made_up.csv");
        var good = await MappingFromDocsAsync("wide-mapping", "mistakes.yaml");
        var text = await File.ReadAllTextAsync(good);
        var badUnit = Path.Combine(platform.Data.FullName, "bad-unit.yaml");
        await File.WriteAllTextAsync(badUnit, text.Replace("unit: percentage", "unit: percent", StringComparison.Ordinal));
        var wrongColumn = Path.Combine(platform.Data.FullName, "wrong-column.yaml");
        await File.WriteAllTextAsync(wrongColumn, text.Replace("denominator: assessments_started", "denominator: assessments_begun", StringComparison.Ordinal));

        var upload = await platform.RunAsync("import", "mapping", "upload", badUnit, "-o", Organisation);
        var dryRun = await platform.RunAsync("import", "mapping", "dry-run", wrongColumn, release, "-o", Organisation);
        var list = await platform.RunAsync("import", "mapping", "list", "-o", Organisation);

        Assert.Equal(1, upload.ExitCode);
        Assert.True(Flat(upload).Contains("InvalidArgument", StringComparison.Ordinal), upload.All);
        Assert.True(Flat(upload).Contains("measures[1].unit", StringComparison.Ordinal), upload.All);
        Assert.Equal(1, dryRun.ExitCode);
        Assert.True(Flat(dryRun).Contains("columns missing from the file: 'assessments_begun'", StringComparison.Ordinal), dryRun.All);
        Assert.True(Flat(dryRun).Contains("missing_column", StringComparison.Ordinal), dryRun.All);
        Assert.True(Flat(dryRun).Contains("Nothing was imported", StringComparison.Ordinal), dryRun.All);
        Assert.True(list.ExitCode == 0, list.All);
    }

    private async Task<JsonDocument> ImportAsync(string release, string mappingId, string reportName, params string[] extra)
    {
        var report = Path.Combine(platform.Data.FullName, reportName);
        var result = await platform.RunAsync(["import", release, "--mapping", mappingId, "-o", Organisation, "--define-missing-measures", "--report", report, .. extra]);
        Assert.True(result.ExitCode == 0, result.All);
        return JsonDocument.Parse(await File.ReadAllTextAsync(report));
    }

    /// <summary>The output with the console's line wrapping undone (it wraps at 80 columns when redirected).</summary>
    private static string Flat(CliResult result) => Whitespace().Replace(result.Out, " ");

    private static string Get(JsonDocument report, string property) =>
        report.RootElement.TryGetProperty(property, out var value) ? value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetString() ?? "" : "0";

    /// <summary>The example mapping of docs/import-mappings.md, saved as the analyst would save it.</summary>
    private async Task<string> MappingFromDocsAsync(string example, string fileName)
    {
        var path = Path.Combine(platform.Data.FullName, fileName);
        await File.WriteAllTextAsync(path, Example(example));
        return path;
    }

    /// <summary>The page shows the start of the very file the test imports.</summary>
    private static void AssertTheDocsShowTheFile(string example, string release)
    {
        var shown = Example(example).TrimEnd('\n').Split('\n');
        var file = File.ReadAllLines(release);
        Assert.Equal(shown, file.Take(shown.Length));
    }

    private static string Example(string name)
    {
        var marker = Docs.IndexOf($"<!-- example: {name} -->", StringComparison.Ordinal);
        Assert.True(marker >= 0, $"docs/import-mappings.md has no example '{name}'");
        return Block().Match(Docs, marker).Groups["body"].Value;
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

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"```(yaml|csv)\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();
}
