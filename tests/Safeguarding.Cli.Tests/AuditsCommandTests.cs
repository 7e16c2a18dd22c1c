using System.Text.Json;
using System.Text.RegularExpressions;
using Safeguarding.Cli.Tests.Support;

namespace Safeguarding.Cli.Tests;

/// <summary>`audits` against a running `up`, as an agency's auditors type it: through the gateway with development tokens.</summary>
[Trait("Category", "Integration")]
public sealed class AuditsCommandTests(RunningPlatform platform) : IClassFixture<RunningPlatform>
{
    private const string Agency = "NB-CSC";

    private static readonly string[] Answers =
    [
        "-a", "voice.seen=YES", "-a", "voice.recorded=YES", "-a", "assessment.chronology=PARTLY", "-a", "oversight.recorded=NO",
        "-a", "oversight.supervision=NOT_APPLICABLE", "-a", "men.addressed=YES",
    ];

    [Fact]
    public async Task An_auditor_adopts_a_tool_runs_a_programme_with_moderation_reads_its_results_closes_and_exports_it()
    {
        var library = await Audits("tools", "--library");
        Assert.True(library.ExitCode == 0, library.All);
        Assert.Contains("multi-agency-cp", library.Out, StringComparison.Ordinal);
        Assert.Contains("case-file", library.Out, StringComparison.Ordinal);
        var adopted = await Audits("adopt", "case-file");
        Assert.True(adopted.ExitCode == 0, adopted.All);
        Assert.Contains("Adopted case-file version 1", adopted.Out, StringComparison.Ordinal);
        Assert.Contains("case-file", (await Audits("tools")).Out, StringComparison.Ordinal);

        var started = await Audits("start", "--tool", "case-file", "--title", "Monthly case-file audit", "--from", "2025-04", "--to", "2025-06",
            "--cases-per-month", "2", "--unit", "North", "--unit", "South", "--sampling", "StratifiedByTeam");
        Assert.True(started.ExitCode == 0, started.All);
        var programme = Regex.Match(started.Out, @"Started (prog-[0-9a-f]+)").Groups[1].Value;
        Assert.NotEmpty(programme);

        var first = await Audit(programme, "CSC-REF-0001", "GOOD");
        var second = await Audit(programme, "CSC-REF-0002", "INADEQUATE");
        var third = await Audits(["audit", programme, "--case-reference", "CSC-REF-0003", "--month", "2025-05", "--unit", "South", .. Answers, "-a", "assessment.quality=GOOD", "-a", "overall.grade=REQUIRES_IMPROVEMENT", "--finalise"]);
        Assert.True(third.ExitCode == 0, third.All);
        Assert.Contains("final (case:", third.Out, StringComparison.Ordinal);

        // The auditor cannot moderate their own audit; a second auditor of the agency can (another user: other roles).
        var own = await Audits("moderate", first, "-a", "overall.grade=GOOD");
        Assert.Equal(1, own.ExitCode);
        Assert.Contains("FailedPrecondition", own.Out, StringComparison.Ordinal);
        Assert.Contains("someone other than its auditor", own.Out, StringComparison.Ordinal);
        var agreed = await Audits("moderate", first, "-a", "overall.grade=GOOD", "--finalise", "-r", "auditor", "-r", "analyst");
        Assert.True(agreed.ExitCode == 0, agreed.All);
        Assert.Contains("final: 0 grade(s) changed", agreed.Out, StringComparison.Ordinal);
        var regraded = await Audits("moderate", second, "-a", "overall.grade=REQUIRES_IMPROVEMENT", "--note", "Later visits show progress", "--finalise", "-r", "auditor", "-r", "analyst");
        Assert.True(regraded.ExitCode == 0, regraded.All);
        Assert.Contains("final: 1 grade(s) changed", regraded.Out, StringComparison.Ordinal);

        var results = await Audits("results", programme);
        Assert.True(results.ExitCode == 0, results.All);
        Assert.Contains("3 final audits counted", results.Out, StringComparison.Ordinal);
        var overall = Row(results.Out, "overall.grade");
        Assert.Contains("GOOD 1", overall, StringComparison.Ordinal);
        Assert.Contains("REQUIRES_IMPROVEMENT 2", overall, StringComparison.Ordinal); // the moderated grade counts
        Assert.Contains("INADEQUATE 0", overall, StringComparison.Ordinal);
        Assert.Contains("1 of 2 agreed", overall, StringComparison.Ordinal);
        Assert.Contains("0.33", overall, StringComparison.Ordinal); // Cohen's kappa: p_o 0.5, p_e 0.25
        Assert.Contains("cp-cin-planning-measure-8: 3/3", Row(results.Out, "men.addressed"), StringComparison.Ordinal);
        Assert.Contains("completion: 3 of 12 done, 9 overdue, 0 in progress", results.Out, StringComparison.Ordinal);

        var closed = await Audits("close", programme);
        Assert.True(closed.ExitCode == 0, closed.All);
        Assert.Contains("3 final audits", closed.Out, StringComparison.Ordinal);
        var again = await Audits("close", programme);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("correction_reason", again.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await Audits("close", programme, "--reason", "a late moderation")).ExitCode);
        var listed = await Audits("programmes");
        Assert.Contains(programme, listed.Out, StringComparison.Ordinal);
        Assert.Contains("Closed (2 times)", listed.Out, StringComparison.Ordinal);

        var folder = Path.Combine(platform.Data.FullName, "audits-export");
        var csv = await Audits("export", "--out", folder);
        Assert.True(csv.ExitCode == 0, csv.All);
        Assert.Equal(["case_audit_answers.csv", "case_audits.csv", "programmes.csv", "tool_criteria.csv"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var audits = await File.ReadAllTextAsync(Path.Combine(folder, "case_audits.csv"));
        Assert.Contains(first, audits, StringComparison.Ordinal);
        Assert.DoesNotContain("CSC-REF-0001", audits, StringComparison.Ordinal);
        var json = await Audits("export", "--json", "--out", folder);
        Assert.True(json.ExitCode == 0, json.All);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, $"audits-{Agency}.json")));
        Assert.True(document.RootElement.GetProperty("caseAudits").GetArrayLength() >= 3);
    }

    [Fact]
    public async Task The_services_refusals_print_the_field_at_fault_and_exit_1()
    {
        Assert.Equal(0, (await Audits("adopt", "case-file")).ExitCode);
        var period = await Audits("start", "--tool", "case-file", "--title", "Two months", "--from", "2025-04", "--to", "2025-05", "--cases-per-month", "1");
        Assert.Equal(1, period.ExitCode);
        Assert.Contains("InvalidArgument", period.Out, StringComparison.Ordinal);
        Assert.Contains("programme.end_month", period.Out, StringComparison.Ordinal);

        var started = await Audits("start", "--tool", "case-file", "--title", "Quarter", "--from", "2025-04", "--to", "2025-06", "--cases-per-month", "1");
        var programme = Regex.Match(started.Out, @"Started (prog-[0-9a-f]+)").Groups[1].Value;
        var wrong = await Audits(["audit", programme, "--case-reference", "CSC-REF-0100", "--month", "2025-04", .. Answers, "-a", "assessment.quality=YES", "-a", "overall.grade=GOOD"]);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Matches(@"answers\[\d+\]\.value", wrong.Out);
        Assert.Contains("is kept", wrong.Out, StringComparison.Ordinal);
        var malformed = await Audits("audit", programme, "--case-reference", "CSC-REF-0101", "--month", "2025-04", "-a", "voice.seen");
        Assert.Equal(1, malformed.ExitCode);
        Assert.Contains("CRITERION=VALUE", malformed.Out, StringComparison.Ordinal);
        var missing = await Audits("results", "prog-00000000000000000000000000000000");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("NotFound", missing.Out, StringComparison.Ordinal);
    }

    private async Task<string> Audit(string programme, string reference, string grade)
    {
        var result = await Audits(["audit", programme, "--case-reference", reference, "--month", "2025-04", "--unit", "North", "--auditor-role", "team manager",
            .. Answers, "-a", $"assessment.quality={grade}", "-a", $"overall.grade={grade}"]);
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("submitted", result.Out, StringComparison.Ordinal);
        return Regex.Match(result.Out, @"(audit-[0-9a-f]+) submitted").Groups[1].Value;
    }

    // The organisation and, unless the call names them, the auditor role (the command's default).
    private Task<CliResult> Audits(params string[] args) => platform.RunAsync(["audits", .. args, "-o", Agency]);

    // A table row: the line naming the criterion (Spectre draws one line per row at 200 columns).
    private static string Row(string output, string criterion) =>
        output.Split('\n').FirstOrDefault(l => l.Contains(" " + criterion + " ", StringComparison.Ordinal)) ?? $"(no row for {criterion} in)\n{output}";
}
