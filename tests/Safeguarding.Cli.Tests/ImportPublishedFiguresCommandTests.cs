using System.Text.Json;
using System.Text.RegularExpressions;
using Safeguarding.Cli.Tests.Support;

namespace Safeguarding.Cli.Tests;

/// <summary>
/// Issue 19 item 6 through the CLI: the London region imports published figures for itself (it holds nothing else),
/// a partnership imports them with its own code, and a refusal says why.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class ImportPublishedFiguresCommandTests(RunningPlatform platform) : IClassFixture<RunningPlatform>
{
    private const string Mapping = "ees-cin-referrals-rereferrals";

    private static readonly string Fixture = Path.Combine(Path.GetDirectoryName(SafeguardingCli.Program)!, "Demo", "Data", "c1_children_in_need_referrals_and_rereferrals_2013_to_2025_london.csv");

    [Theory]
    [InlineData("analyst")]
    [InlineData("region-analyst")]
    public async Task The_london_region_imports_published_figures_for_itself(string role)
    {
        var report = Path.Combine(platform.Data.FullName, $"london-{role}.json");

        var result = await platform.RunAsync("import", Fixture, "--mapping", Mapping, "-o", "E12000007", "--role", role, "--define-missing-measures", "--report", report);

        Assert.True(result.ExitCode == 0, result.All);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        Assert.Equal("481", json.RootElement.GetProperty("rowsImported").GetString());
        Assert.Equal("0", json.RootElement.GetProperty("rowsOutOfScope").GetString());
    }

    [Fact]
    public async Task A_refusal_says_why_and_what_to_do()
    {
        var role = await platform.RunAsync("import", Fixture, "--mapping", Mapping, "-o", "E12000007", "--role", "board-member");
        var partnership = await platform.RunAsync("import", Fixture, "--mapping", Mapping, "-o", "NB-LSCP", "--role", "region-analyst");

        Assert.Equal(1, role.ExitCode);
        Assert.Contains("none of your roles may make it", Flat(role), StringComparison.Ordinal);
        Assert.Equal(1, partnership.ExitCode);
        Assert.Contains("PermissionDenied", Flat(partnership), StringComparison.Ordinal);
    }

    private static string Flat(CliResult result) => Whitespace().Replace(result.All, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
