using System.Globalization;
using System.Text.Json;
using Safeguarding.Cli.Tests.Support;

namespace Safeguarding.Cli.Tests;

/// <summary>`casereviews` against a running `up`, as a partnership's review coordinator types it.</summary>
[Trait("Category", "Integration")]
public sealed class CaseReviewsCommandTests(RunningPlatform platform) : IClassFixture<RunningPlatform>
{
    private const string Partnership = "NB-LSCP";

    [Fact]
    public async Task A_notified_incident_runs_on_its_rapid_review_clock_to_a_decision()
    {
        var id = await NotifyAsync("Child Q", notifiedWeekdaysAgo: 2);

        var early = await RunAsync("decision", id, "--decision", "local-practice-review", "--on", Weekday(1), "--reasons", "Learning about information sharing.");
        var summary = await RunAsync("summary", id, "--agency", "NB-CSC", "--on", Weekday(1), "--text", "Two referrals were closed after single-agency assessment.");
        var milestone = await RunAsync("milestone", id, "--milestone", "agency-summaries", "--on", Weekday(1));
        var decision = await RunAsync("decision", id, "--decision", "local-practice-review", "--on", Weekday(0), "--reasons", "Learning about information sharing.");
        var listed = await RunAsync("list", "--stage", "awaiting-practice-review");

        // A decision before the agency summaries are in is refused, naming what is missing.
        Assert.Equal(1, early.ExitCode);
        Assert.Contains("FailedPrecondition", early.Out, StringComparison.Ordinal);
        Assert.Contains("agency_summaries", early.Out, StringComparison.Ordinal);
        Assert.True(summary.ExitCode == 0, summary.All);
        Assert.Contains("1 agency summary in", summary.Out, StringComparison.Ordinal);
        Assert.True(milestone.ExitCode == 0, milestone.All);
        Assert.True(decision.ExitCode == 0, decision.All);
        Assert.Contains("awaiting-practice-review", decision.Out, StringComparison.Ordinal);
        Assert.True(listed.ExitCode == 0, listed.All);
        Assert.Contains(id, listed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actions_are_added_and_updated_and_the_dashboard_shows_the_overdue_one_by_its_owner()
    {
        var id = await NotifyAsync("Child R", notifiedWeekdaysAgo: 12);
        var finding = await RunAsync("finding", id, "--text", "Information held by three agencies was never brought together.", "--theme", "information-sharing", "escalation");
        var findingId = FirstLine(finding);
        var recommendation = await RunAsync("recommend", id, "--text", "Agree how agencies share concerns about neglect.", "--finding", findingId);
        var recommendationId = FirstLine(recommendation);

        var added = await RunAsync("action", "add", id, "--recommendation", recommendationId, "--owner", "NB-POLICE", "--description", "Send notifications to the front door within a day.", "--due", Weekday(3));
        var actionId = FirstLine(added);
        var incomplete = await RunAsync("action", "update", id, actionId, "--status", "completed", "--completed-on", Weekday(0));
        var progressing = await RunAsync("action", "update", id, actionId, "--status", "in-progress");
        var outside = await RunAsync("action", "add", id, "--recommendation", recommendationId, "--owner", "E09000007", "--description", "Another borough's action.", "--due", Weekday(0));
        var dashboard = await RunAsync("dashboard");
        var export = Path.Combine(platform.Data.FullName, "case-reviews-export.json");
        var exported = await RunAsync("export", "--out", export);

        Assert.True(finding.ExitCode == 0, finding.All);
        Assert.True(recommendation.ExitCode == 0, recommendation.All);
        Assert.True(added.ExitCode == 0, added.All);
        // Completing needs evidence: refused, naming the field; nothing changed.
        Assert.Equal(1, incomplete.ExitCode);
        Assert.Contains("evidence", incomplete.Out, StringComparison.Ordinal);
        Assert.True(progressing.ExitCode == 0, progressing.All);
        Assert.Contains("in-progress (overdue)", progressing.Out, StringComparison.Ordinal);
        // An owner outside the partnership names the field.
        Assert.Equal(1, outside.ExitCode);
        Assert.Contains("owner_organisation_code", outside.Out, StringComparison.Ordinal);
        Assert.True(dashboard.ExitCode == 0, dashboard.All);
        Assert.Contains("Rapid review: Child R", dashboard.Out, StringComparison.Ordinal);
        Assert.Contains("NB-POLICE: 1 open, 1 overdue", dashboard.Out, StringComparison.Ordinal);
        Assert.Contains("Information sharing: 1 review, 1 finding", dashboard.Out, StringComparison.Ordinal);
        Assert.True(exported.ExitCode == 0, exported.All);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(export));
        Assert.Contains(json.RootElement.GetProperty("reviews").EnumerateArray(), r => r.GetProperty("reviewId").GetString() == id);
    }

    [Fact]
    public async Task Bad_input_names_the_field_at_fault_and_exits_1()
    {
        var named = await RunAsync(Notify("Jane Smith", Weekday(2), Weekday(1)));
        var band = await RunAsync([.. Notify("Child S", Weekday(2), Weekday(1))[..^2], "--age-band", "teenager"]);
        var date = await RunAsync(Notify("Child S", "2026-13-01", Weekday(1)));
        var order = await RunAsync(Notify("Child S", Weekday(1), Weekday(2)));
        var missing = await RunAsync("milestone", "no-such-review", "--milestone", "agency-summaries", "--on", Weekday(0));

        Assert.Equal(1, named.ExitCode);
        Assert.Contains("child_reference", named.Out, StringComparison.Ordinal);
        Assert.Equal(1, band.ExitCode);
        Assert.Contains("--age-band: 'teenager' is not one of under-1, 1-to-4", band.Out, StringComparison.Ordinal);
        Assert.Equal(1, date.ExitCode);
        Assert.Contains("became_aware_on", date.Out, StringComparison.Ordinal);
        Assert.Equal(1, order.ExitCode);
        Assert.Contains("notified_on", order.Out, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("NotFound", missing.Out, StringComparison.Ordinal);
    }

    private async Task<string> NotifyAsync(string child, int notifiedWeekdaysAgo)
    {
        var result = await RunAsync(Notify(child, Weekday(notifiedWeekdaysAgo + 1), Weekday(notifiedWeekdaysAgo)));
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Matches(@"\[rapid-review\]  rapid-review due \d{4}-\d{2}-\d{2}: (on-time|due-soon) \(\d+ working days left\)", result.Out);
        return FirstLine(result);
    }

    private static string[] Notify(string child, string aware, string notified) =>
        ["notify", "--child", child, "--harm", "serious-harm", "--abuse", "neglect", "--aware", aware, "--notified", notified, "--age-band", "1-to-4"];

    private Task<CliResult> RunAsync(params string[] args) => platform.RunAsync(["casereviews", .. args, "--organisation", Partnership]);

    private static string FirstLine(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.All);
        return result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
    }

    /// <summary>The day this many weekdays before today (0: today), as YYYY-MM-DD.</summary>
    private static string Weekday(int before)
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }

        while (before > 0)
        {
            day = day.AddDays(-1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                before--;
            }
        }

        return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
