using System.Text;
using System.Text.Json;
using Safeguarding.Cli.Tests.Support;

namespace Safeguarding.Cli.Tests;

/// <summary>`token`, `import` and `report` against a running `up`, as a user types them.</summary>
[Trait("Category", "Integration")]
public sealed class CommandTests(RunningPlatform platform) : IClassFixture<RunningPlatform>
{
    private static readonly string Fixture = Path.Combine(Path.GetDirectoryName(SafeguardingCli.Program)!, "Demo", "Data", "c1_children_in_need_referrals_and_rereferrals_2013_to_2025_london.csv");

    [Fact]
    public async Task Token_mints_a_jwt_for_the_role_and_organisation_and_prints_only_it()
    {
        var result = await platform.RunAsync("token", "--organisation", "NB-CSC", "--role", "analyst", "--role", "auditor");

        Assert.Equal(0, result.ExitCode);
        var parts = result.Out.Trim().Split('.');
        Assert.Equal(3, parts.Length);
        using var claims = JsonDocument.Parse(Base64Url(parts[1]));
        Assert.Equal("NB-CSC", claims.RootElement.GetProperty("org").GetString());
        Assert.Equal(["analyst", "auditor"], claims.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.DoesNotContain("@", claims.RootElement.GetProperty("sub").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_refuses_an_unknown_role_and_a_missing_key_clearly()
    {
        var role = await platform.RunAsync("token", "--organisation", "NB-CSC", "--role", "wizard");
        var key = await SafeguardingCli.RunAsync(TimeSpan.FromMinutes(1), "token", "--organisation", "NB-CSC", "--data", Path.Combine(platform.Data.FullName, "nowhere"));

        Assert.NotEqual(0, role.ExitCode);
        Assert.Contains("Unknown role 'wizard'", role.All, StringComparison.Ordinal);
        Assert.Equal(1, key.ExitCode);
        Assert.Contains("No development key", key.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_streams_published_figures_through_the_gateway_and_summarises()
    {
        var dryRun = await platform.RunAsync("import", Fixture, "--mapping", "ees-cin-referrals-rereferrals", "--organisation", "NB-LSCP", "--define-missing-measures", "--dry-run");

        Assert.True(dryRun.ExitCode == 0, dryRun.All);
        Assert.Contains("rows read", dryRun.Out, StringComparison.Ordinal);
        Assert.Contains("481", dryRun.Out, StringComparison.Ordinal);
        Assert.Contains("dry run: nothing stored", dryRun.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_with_rejected_rows_lists_every_kind_of_problem_writes_the_whole_report_and_exits_2()
    {
        // The published file's header and one good Camden row, then rows whose counts are not numbers.
        var lines = await File.ReadAllLinesAsync(Fixture);
        var camden = lines.First(l => l.Contains(",E09000007,", StringComparison.Ordinal));
        var junk = Enumerable.Range(0, 5).Select(i => camden.Replace(",Referrals and Re-referrals,", ",Referrals and Re-referrals,many" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "x", StringComparison.Ordinal));
        var file = Path.Combine(platform.Data.FullName, "with-rejects.csv");
        await File.WriteAllLinesAsync(file, [lines[0], camden, .. junk]);
        var json = Path.Combine(platform.Data.FullName, "with-rejects-report.json");
        var csv = Path.Combine(platform.Data.FullName, "with-rejects-report.csv");
        string[] import = ["import", file, "--mapping", "ees-cin-referrals-rereferrals", "--organisation", "NB-LSCP", "--define-missing-measures", "--dry-run"];

        var strict = await platform.RunAsync([.. import, "--report", json]);
        var relaxed = await platform.RunAsync([.. import, "--allow-rejected-rows", "--report", csv]);

        Assert.True(strict.ExitCode == 2, strict.All);
        Assert.Contains("rows rejected", strict.Out, StringComparison.Ordinal);
        Assert.Matches(@"non_numeric: \d+ problems", strict.Out);
        Assert.Contains("'many0x2086' is not a number", strict.Out, StringComparison.Ordinal);
        Assert.Contains("published figures matched", strict.Out, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        Assert.Equal("5", report.RootElement.GetProperty("rowsRejected").GetString());
        // Each bad row is listed (a cell that feeds several measures is reported for each of them).
        Assert.Equal(5, report.RootElement.GetProperty("problems").EnumerateArray().Where(p => p.GetProperty("code").GetString() == "non_numeric").Select(p => p.GetProperty("row").GetString()).Distinct().Count());
        Assert.True(relaxed.ExitCode == 0, relaxed.All);
        var rows = await File.ReadAllLinesAsync(csv);
        Assert.Equal("kind,line,column,code,description,measure,organisation,period,recomputed,published", rows[0]);
        Assert.Equal(5, rows.Where(r => r.StartsWith("problem,", StringComparison.Ordinal) && r.Contains(",non_numeric,", StringComparison.Ordinal)).Select(r => r.Split(',')[1]).Distinct().Count());
    }

    [Fact]
    public async Task Import_errors_name_the_problem_and_exit_1()
    {
        var mapping = await platform.RunAsync("import", Fixture, "--mapping", "no-such-mapping", "--organisation", "NB-LSCP");
        var role = await platform.RunAsync("import", Fixture, "--mapping", "ees-cin-referrals-rereferrals", "--organisation", "NB-CSC", "--role", "board-member");
        var file = await platform.RunAsync("import", Path.Combine(platform.Data.FullName, "missing.csv"), "--mapping", "ees-cin-referrals-rereferrals", "--organisation", "NB-LSCP");

        Assert.Equal(1, mapping.ExitCode);
        Assert.Contains("no-such-mapping", mapping.Out, StringComparison.Ordinal);
        Assert.Equal(1, role.ExitCode);
        Assert.Contains("PermissionDenied", role.Out, StringComparison.Ordinal);
        Assert.Equal(1, file.ExitCode);
        Assert.Contains("does not exist", file.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_drafts_through_the_gateway_and_saves_the_html()
    {
        var target = Path.Combine(platform.Data.FullName, "reports", "csc-quarterly.html");

        var result = await platform.RunAsync("report", "quarterly", "--organisation", "NB-CSC", "--period", "2026-01/P3M", "--out", target);

        Assert.True(result.ExitCode == 0, result.All);
        var html = await File.ReadAllTextAsync(target);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("How are we doing", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_with_a_bad_period_names_the_field_and_writes_nothing()
    {
        var target = Path.Combine(platform.Data.FullName, "reports", "never.html");

        var result = await platform.RunAsync("report", "quarterly", "--organisation", "NB-CSC", "--period", "2026-13/P3M", "--out", target);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("period_code", result.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    private static byte[] Base64Url(string part)
    {
        var padded = part.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
