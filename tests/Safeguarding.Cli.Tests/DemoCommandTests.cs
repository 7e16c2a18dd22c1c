using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Safeguarding.Cli.Tests.Support;

namespace Safeguarding.Cli.Tests;

/// <summary>The README's run command: `demo` runs everything through the gateway and leaves the reports in out/.</summary>
[Trait("Category", "Integration")]
public sealed class DemoCommandTests(DemoRun demo) : IClassFixture<DemoRun>
{
    private readonly DirectoryInfo _out = demo.Out;

    [Fact]
    public void Demo_seeds_through_the_gateway_writes_every_report_and_exits_0()
    {
        var result = demo.Result;

        Assert.True(result.ExitCode == 0, result.All);
        var reports = _out.GetFiles("*.html").Select(f => f.Name).Order().ToList();
        Assert.Equal(12, reports.Count);
        Assert.Matches(@"reports written\s*│\s*12\b", result.Out);
        Assert.Contains("E12000007-how-are-we-doing-2026-q4.html", reports);
        Assert.Contains("E12000007-report-book-2025-26.html", reports);
        foreach (var organisation in new[] { "NB-LSCP", "NB-CSC", "NB-HEALTH", "NB-POLICE", "NB-EDU" })
        {
            Assert.Contains($"{organisation}-how-are-we-doing-2026-q4.html", reports);
            Assert.Contains($"{organisation}-report-book-2025-26.html", reports);
        }

        var book = File.ReadAllText(Path.Combine(_out.FullName, "NB-LSCP-report-book-2025-26.html"));
        Assert.Contains("Northbridge Safeguarding Children Partnership", book, StringComparison.Ordinal);
        Assert.Contains("468", result.Out, StringComparison.Ordinal);
        Assert.Contains("2405", result.Out, StringComparison.Ordinal);
        Assert.Contains("38 of 38", result.Out, StringComparison.Ordinal);
        // The period as a reader names it (the published financial year), not a code and a granularity.
        Assert.Matches(@"latest\s+London\s+total\s+\(disclosure-controlled\):\s+\d+(\.\d+)?%\s+\(\d{4}-\d{2}\s+financial\s+year\)", result.Out);
    }

    [Fact]
    public void The_partnerships_quarterly_report_shows_the_case_reviews_dashboard_with_the_overdue_action()
    {
        Assert.True(demo.Result.ExitCode == 0, demo.Result.All);

        var quarterly = File.ReadAllText(Path.Combine(_out.FullName, "NB-LSCP-how-are-we-doing-2026-q4.html"));
        Assert.Contains("4.4 Case reviews: open reviews, actions and recurring themes", quarterly, StringComparison.Ordinal);
        Assert.Contains("the partnership has 2 open case reviews", quarterly, StringComparison.Ordinal);
        Assert.Contains("Child N: serious harm, neglect", quarterly, StringComparison.Ordinal);
        Assert.Contains("Child P: serious harm, criminal exploitation", quarterly, StringComparison.Ordinal);
        // The police action was due three weeks ago: the one overdue action, by its owner's name.
        Assert.Contains("Northbridge Police Command Unit: 1 overdue action of 1 open", quarterly, StringComparison.Ordinal);
        Assert.Contains("Northbridge Community Health NHS Trust: 0 overdue actions of 1 open", quarterly, StringComparison.Ordinal);
        Assert.Contains("Information sharing", quarterly, StringComparison.Ordinal);
        Assert.DoesNotContain("dashboard was unavailable", quarterly, StringComparison.Ordinal);
        // Reviews belong to the partnership: an agency's report has no such section.
        Assert.DoesNotContain("4.4 Case reviews", File.ReadAllText(Path.Combine(_out.FullName, "NB-CSC-how-are-we-doing-2026-q4.html")), StringComparison.Ordinal);
        Assert.Contains("2 case reviews", demo.Result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_London_Boards_quarterly_report_shows_every_partnership_beside_london_and_england_with_rank_and_no_rows()
    {
        Assert.True(demo.Result.ExitCode == 0, demo.Result.All);

        var london = File.ReadAllText(Path.Combine(_out.FullName, "E12000007-how-are-we-doing-2026-q4.html"));
        Assert.Contains("4.6 Across the region: partnerships beside the region and England", london, StringComparison.Ordinal);
        Assert.DoesNotContain("could not be had from the gateway", london, StringComparison.Ordinal);
        // The published 2024-25 re-referrals: every borough ranked, London's total beside England's published figure.
        Assert.Contains("% of referrals that were re-referrals within 12 months, 2024-25 financial year, by partnership", london, StringComparison.Ordinal);
        Assert.Matches(@"<th scope=""row"">Camden</th><td[^>]*>\d+\.\d</td><td[^>]*>\d+ of 33</td>", london);
        Assert.Contains(">England (published)</th>", london, StringComparison.Ordinal);
        Assert.Contains("Learning themes across the region", london, StringComparison.Ordinal);
        // 4.2: the multi-agency audit's grades summed over the three agencies that audited (12 cases each).
        var qualitative = london[london.IndexOf("id=\"qualitative\"", StringComparison.Ordinal)..london.IndexOf("id=\"voices\"", StringComparison.Ordinal)];
        Assert.Contains("Case audit grades across the region", qualitative, StringComparison.Ordinal);
        Assert.Contains("Audits counted: 36, across 3 organisations.", qualitative, StringComparison.Ordinal);
        // 4.2: the annual staff survey (closed at NB-LSCP with 87 answers) across London, disclosure-controlled.
        Assert.Contains("Survey results across the region", qualitative, StringComparison.Ordinal);
        Assert.Contains("Responses counted: 87, across 1 organisation.", qualitative, StringComparison.Ordinal);
        // 4.3: the one story Northbridge shared with the Board, by attribution and partnership; not the ones it kept.
        var voices = london[london.IndexOf("id=\"voices\"", StringComparison.Ordinal)..];
        Assert.Contains("My social worker always came when she said she would, and she explained what was happening.", voices, StringComparison.Ordinal);
        Assert.Contains("A young person aged 13\u201315, Northbridge", voices, StringComparison.Ordinal);
        Assert.DoesNotContain("For the first time someone listened to what we needed", london, StringComparison.Ordinal);
        // Row-level data of no organisation: neither Northbridge's agencies nor its reviews by name.
        foreach (var agency in new[] { "Northbridge Police Command Unit", "Northbridge Community Health NHS Trust", "Child N" })
        {
            Assert.DoesNotContain(agency, london, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_London_Boards_report_book_shows_every_partnership_beside_london_and_england_by_content_area_and_no_rows()
    {
        Assert.True(demo.Result.ExitCode == 0, demo.Result.All);

        var book = File.ReadAllText(Path.Combine(_out.FullName, "E12000007-report-book-2025-26.html"));
        Assert.Contains("Across the region: partnerships beside the region and England", book, StringComparison.Ordinal);
        Assert.DoesNotContain("could not be had from the gateway", book, StringComparison.Ordinal);
        Assert.Contains("Statistical neighbours are not recorded", book, StringComparison.Ordinal);
        Assert.Contains("Audits counted: 36, across 3 organisations.", book, StringComparison.Ordinal);
        Assert.Contains("% of referrals that were re-referrals within 12 months, 2024-25 financial year, by partnership", book, StringComparison.Ordinal);
        Assert.Matches(@"<th scope=""row"">Camden</th><td[^>]*>\d+\.\d</td><td[^>]*>\d+ of 33</td>", book);
        Assert.Contains(">England (published)</th>", book, StringComparison.Ordinal);
        foreach (var agency in new[] { "Northbridge Police Command Unit", "Northbridge Community Health NHS Trust", "Child N" })
        {
            Assert.DoesNotContain(agency, book, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_partnerships_reports_show_the_actions_register_with_whether_each_moved_and_the_findings_the_analyst_accepted()
    {
        Assert.True(demo.Result.ExitCode == 0, demo.Result.All);

        var quarterly = File.ReadAllText(Path.Combine(_out.FullName, "NB-LSCP-how-are-we-doing-2026-q4.html"));
        Assert.Contains("4.5 Actions: what we are doing and whether it moved the measures", quarterly, StringComparison.Ordinal);
        // The case review's actions, projected from the case reviews service's events, beside those entered in the register.
        Assert.Contains("from case review", quarterly, StringComparison.Ordinal);
        Assert.Contains("Agree the outcomes that matter most with each family", quarterly, StringComparison.Ordinal);
        Assert.Contains("safer recruitment checks onto one tracked register", quarterly, StringComparison.Ordinal);
        Assert.Contains("Moved in the better direction.", quarterly, StringComparison.Ordinal);
        Assert.Contains("Evidence of impact: Lapsed checks found at termly reviews fell", quarterly, StringComparison.Ordinal);
        // The accepted proposal that the completed action moved its measure, under "what we are doing well".
        Assert.Contains("after the action", quarterly, StringComparison.Ordinal);
        Assert.DoesNotContain("poor performance", quarterly, StringComparison.OrdinalIgnoreCase);

        var book = File.ReadAllText(Path.Combine(_out.FullName, "NB-LSCP-report-book-2025-26.html"));
        Assert.Contains("Agree the outcomes that matter most with each family", book, StringComparison.Ordinal);
        Assert.Contains("findings proposed from the evidence", demo.Result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_partnerships_quarterly_report_quotes_the_approved_stories_by_role_and_age_band_only()
    {
        Assert.True(demo.Result.ExitCode == 0, demo.Result.All);

        // NB-CSC's stories were approved with consent for the partnership: its quarterly report and Report Book quote them.
        var quarterly = File.ReadAllText(Path.Combine(_out.FullName, "NB-LSCP-how-are-we-doing-2026-q4.html"));
        Assert.Contains("4.3 Voices", quarterly, StringComparison.Ordinal);
        Assert.Contains("My social worker always came when she said she would", quarterly, StringComparison.Ordinal);
        Assert.Contains("A young person aged 13\u201315", quarterly, StringComparison.Ordinal);
        Assert.Contains("so I only had to tell my story once", quarterly, StringComparison.Ordinal);
        Assert.Contains("A parent or carer", quarterly, StringComparison.Ordinal);
        var book = File.ReadAllText(Path.Combine(_out.FullName, "NB-LSCP-report-book-2025-26.html"));
        Assert.Contains("instead of telling us what we had done wrong", book, StringComparison.Ordinal);
        // An agency that recorded none has none of them.
        Assert.DoesNotContain("My social worker always came", File.ReadAllText(Path.Combine(_out.FullName, "NB-POLICE-how-are-we-doing-2026-q4.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_partnerships_quarterly_report_tells_the_story_its_people_wrote_through_the_services()
    {
        Assert.True(demo.Result.ExitCode == 0, demo.Result.All);

        var quarterly = File.ReadAllText(Path.Combine(_out.FullName, "NB-LSCP-how-are-we-doing-2026-q4.html"));
        // No section is the empty form the issue complained of.
        foreach (var empty in new[] { "No strategic priorities are recorded.", "No qualitative evidence was presented", "No emerging issues were noted", "No recommendations this period." })
        {
            Assert.DoesNotContain(empty, quarterly, StringComparison.Ordinal);
        }

        // Priorities set by the partnership's analyst, each on a content area whose measures 4.1 then charts.
        Assert.Contains("Themed priority area 1: Child protection plans that change children&#39;s lives", quarterly, StringComparison.Ordinal);
        Assert.Contains("Assurance area 1: The front door: the right help at the right time", quarterly, StringComparison.Ordinal);
        Assert.Contains("Data for figure 1: % of CP/CIN cases in which the most important desired safety and wellbeing outcomes are achieved at closure", quarterly, StringComparison.Ordinal);
        // The audit finding is in the programme's own numbers, as the demo's audit step reported them.
        var closed = Regex.Match(demo.Result.Out, @"Programme closed: (\d+) final audits, (\d+) moderated");
        Assert.True(closed.Success, demo.Result.Out);
        Assert.Contains($"{closed.Groups[1].Value} audits of the same children&#39;s cases by three agencies, {closed.Groups[2].Value} of them moderated", quarterly, StringComparison.Ordinal);
        Assert.Matches(@"Northbridge Children&#39;s Social Care \d+ of \d+", quarterly);
        // The partnership's 4.2 pools its agencies' audit-fed figures (the partnership records none itself).
        Assert.Contains("Case audits: % of CP/CIN cases that specify the safety and wellbeing outcomes sought", quarterly, StringComparison.Ordinal);
        Assert.Contains("Health visiting is recommissioned from October", quarterly, StringComparison.Ordinal);
        Assert.Contains("(for Workforce development sub-group)", quarterly, StringComparison.Ordinal);
        // The recommendation the board agreed is an action in the register, with the measure it should move.
        Assert.Contains("Hold the multi-agency workshop on outcome-focused child protection plans", quarterly, StringComparison.Ordinal);
        Assert.Contains("Report recommendation", quarterly, StringComparison.Ordinal);
    }

    [Fact]
    public void The_partnerships_reports_show_its_qa_timetable_the_events_and_targets_on_its_charts()
    {
        Assert.True(demo.Result.ExitCode == 0, demo.Result.All);

        var quarterly = File.ReadAllText(Path.Combine(_out.FullName, "NB-LSCP-how-are-we-doing-2026-q4.html"));
        Assert.Contains("3.1 Quality assurance timetable and coverage", quarterly, StringComparison.Ordinal);
        // The overdue Turning the Curve exercise was held (DemoTurningTheCurve), which marked it done.
        Assert.DoesNotContain("Overdue: Turning the Curve exercise (Re-referrals within 12 months)", quarterly, StringComparison.Ordinal);
        Assert.Contains("done: deep dive", quarterly, StringComparison.Ordinal);
        var book = File.ReadAllText(Path.Combine(_out.FullName, "NB-LSCP-report-book-2025-26.html"));
        Assert.Contains("2 June 2025", book, StringComparison.Ordinal);
        Assert.Contains("Multi-agency safeguarding hub (MASH) launched", book, StringComparison.Ordinal);
        Assert.Matches("27 March 2026 \\(audit programme [^)]+\\)", book);
        Assert.Contains("(survey wave ", book, StringComparison.Ordinal);
        // Targets and forecasts the demo set for two measures: drawn, keyed in words and judged in the trend's summary.
        Assert.Contains("its target of 70.0%", book, StringComparison.Ordinal);
        // The quarter's missed targets are raised for further exploration, saying by how much (the demo accepts its proposals).
        Assert.Matches(@"outcomes are achieved at closure: below its target in [A-Z][a-z]{2} 2026 \(\d+\.\d% against a target of 70\.0%\)", quarterly);
        Assert.Contains("The forecast is 68.0% by May 2026.", book, StringComparison.Ordinal);
        Assert.Contains("Dashed line: forecast from the latest figure", book, StringComparison.Ordinal);
        // Turning the Curve on re-referrals: its own sheet with the story, partners, what works and the action plan from the register.
        Assert.Contains("T1. Turning the Curve: Re-referrals within 12 months", book, StringComparison.Ordinal);
        Assert.Contains("Cases close at the end of an assessment without a step-down plan", book, StringComparison.Ordinal);
        Assert.Contains("Northbridge Education and Schools: Designated safeguarding leads join the closing meeting", book, StringComparison.Ordinal);
        Assert.Contains("Review every re-referral at the front door", book, StringComparison.Ordinal);
        Assert.Matches("Turning the Curve exercise planned for Q3 2025/26 \\(Re-referrals within 12 months\\), done on 12 February 2026", book);
        Assert.Matches("12 February 2026 \\(Turning the Curve record [^)]+\\)", book);
        Assert.Contains("Turning the Curve on \u201c% of referrals that were re-referrals within 12 months\u201d, held on 12 February 2026: 2 actions in its plan, 1 completed", quarterly, StringComparison.Ordinal);
        // The timetable is the partnership's: an agency that planned nothing has its own section with nothing done.
        Assert.DoesNotContain("class=\"cover-done\"", File.ReadAllText(Path.Combine(_out.FullName, "NB-POLICE-how-are-we-doing-2026-q4.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_demo_call_went_through_the_gateway_as_its_own_organisations_user()
    {
        Assert.Equal(0, demo.Result.ExitCode);

        await using var audit = new SqliteConnection($"Data Source={Path.Combine(_out.FullName, "data", "gateway-audit.db")};Mode=ReadOnly");
        await audit.OpenAsync();
        var rows = new List<(string User, string Organisation, string Target, string Outcome)>();
        await using (var command = audit.CreateCommand())
        {
            command.CommandText = "SELECT user_id, user_organisation, target_organisation, outcome FROM audit_log";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        // 468 recorded figures alone are audited writes; every one by a user of the organisation it is for.
        Assert.True(rows.Count > 468, $"only {rows.Count} audit rows");
        Assert.All(rows, row => Assert.Equal("allowed", row.Outcome));
        Assert.All(rows, row => Assert.Equal(row.Organisation, row.Target, ignoreCase: true));
        // The London Board (E12000007) writes and reads only its own report.
        Assert.Equal(["E12000007", "NB-CSC", "NB-EDU", "NB-HEALTH", "NB-LSCP", "NB-POLICE"], rows.Select(r => r.Organisation).Distinct().Order(StringComparer.Ordinal));
        var key = new FileInfo(Path.Combine(_out.FullName, "data", "development-key"));
        Assert.True(key.Exists);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key.FullName));
        }
    }

    [Fact]
    public async Task The_audited_programme_reaches_measures_with_provenance_audit_and_its_figure_is_in_the_report_book()
    {
        Assert.Equal(0, demo.Result.ExitCode);
        Assert.Matches(@"case audits \(moderated\)\s*│\s*36 \(12\)", demo.Result.Out);

        // The lead agency's measure "child remained the focus" has no figure but the audit's: recorded by measures
        // for the programme's quarter with provenance audit and the programme as its reference.
        await using var measures = new SqliteConnection($"Data Source={Path.Combine(_out.FullName, "data", "measures.db")};Mode=ReadOnly");
        await measures.OpenAsync();
        var figures = new List<(string Numerator, string Denominator, string Provenance, string Reference)>();
        await using (var command = measures.CreateCommand())
        {
            command.CommandText = "SELECT numerator, denominator, provenance_kind || ' ' || period_code, provenance_reference FROM observations "
                + "WHERE organisation_code = 'NB-CSC' AND measure_id = 'cp-cin-planning-measure-7' AND superseded_by IS NULL";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                figures.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        var (numerator, denominator, provenance, reference) = Assert.Single(figures);
        Assert.Equal("audit 2026-01/P3M", provenance);
        Assert.StartsWith("prog-", reference, StringComparison.Ordinal);
        var (n, d) = (decimal.Parse(numerator, CultureInfo.InvariantCulture), decimal.Parse(denominator, CultureInfo.InvariantCulture));
        Assert.InRange(d, 6, 12); // twelve cases, not-applicable answers count in neither
        Assert.Contains($"cp-cin-planning-measure-7 {n:0} of {d:0}", demo.Result.Out, StringComparison.Ordinal);

        // The agency's Report Book shows that very figure for January to March 2026.
        var book = File.ReadAllText(Path.Combine(_out.FullName, "NB-CSC-report-book-2025-26.html"));
        var percent = ((double)n / (double)d * 100).ToString("F1", CultureInfo.InvariantCulture);
        Assert.Matches($@"id=""area-cp-cin-planning-cp-cin-planning-measure-7-trend-summary"">[^<]*The only figure is {Regex.Escape(percent)}% \(Jan to Mar 2026\)", book);
        var quarterly = File.ReadAllText(Path.Combine(_out.FullName, "NB-CSC-how-are-we-doing-2026-q4.html"));
        Assert.Contains("Case audit results:", quarterly, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Northbridges_agencies_return_a_quarter_of_the_london_dataset_the_partnership_approves_and_the_region_accepts()
    {
        Assert.Equal(0, demo.Result.ExitCode);

        // Timeliness is the platform's clock against the due date (28 days after December 2025): the line says what it found.
        var late = DateOnly.FromDateTime(DateTime.UtcNow) > new DateOnly(2026, 1, 28);
        var (onTime, lateCount) = late ? (0, 4) : (4, 0);
        Assert.Matches(
            $@"London\s+common\s+dataset,\s+Oct\s+2025\s+to\s+Dec\s+2025\s+\(due\s+2026-01-28\):\s+4\s+returns\s+\({(late ? 4 : 0)}\s+missing\s+beforehand\)\s+submitted,\s+{onTime}\s+on\s+time\s+and\s+{lateCount}\s+late;\s+1\s+validation\s+flag\s+explained;\s+4\s+approved\s+by\s+the\s+partnership,\s+4\s+accepted\s+by\s+the\s+region",
            demo.Result.Out);

        await using var measures = new SqliteConnection($"Data Source={Path.Combine(_out.FullName, "data", "measures.db")};Mode=ReadOnly");
        await measures.OpenAsync();

        // Each agency's return went all the way: submitted by the agency, approved by the partnership, accepted by the region.
        var returns = await RowsAsync(measures, "SELECT organisation_code, state, submitted_by, approved_by, accepted_by FROM returns WHERE dataset_id = 'london-common' AND period_code = '2025-10/P3M' ORDER BY organisation_code");
        Assert.Equal(["NB-CSC", "NB-EDU", "NB-HEALTH", "NB-POLICE"], returns.Select(r => r[0]));
        Assert.All(returns, r => Assert.Equal("accepted", r[1], ignoreCase: true));
        Assert.All(returns, r => Assert.NotEqual(r[2], r[3]));
        Assert.All(returns, r => Assert.NotEqual(r[3], r[4]));

        // The one flag is children's social care's November surge in referrals, raised by the dataset's outlier rule and explained.
        var violation = Assert.Single(await RowsAsync(measures, "SELECT organisation_code, rule_id, subject, status, resolution_reason FROM return_violations WHERE dataset_id = 'london-common' AND period_code = '2025-10/P3M'"));
        Assert.Equal(["NB-CSC", "referrals-outlier"], violation.Take(2));
        Assert.Contains("2025-11/P1M", violation[2], StringComparison.Ordinal);
        Assert.Equal("explained", violation[3], ignoreCase: true);
        Assert.Contains("awareness week", violation[4], StringComparison.Ordinal);

        // Locked and signed off: nothing the later steps did wrote a figure into the quarter after it was approved.
        var approvedAt = (await RowsAsync(measures, "SELECT MIN(approved_at) FROM returns WHERE dataset_id = 'london-common' AND period_code = '2025-10/P3M'"))[0][0];
        var written = await RowsAsync(measures, $"SELECT COUNT(*) FROM observations WHERE organisation_code LIKE 'NB-%' AND period_code IN ('2025-10/P1M', '2025-11/P1M', '2025-12/P1M', '2025-10/P3M') AND recorded_at > '{approvedAt}'");
        Assert.Equal("0", written[0][0]);
    }

    private static async Task<List<string[]>> RowsAsync(SqliteConnection connection, string sql)
    {
        var rows = new List<string[]>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!)]);
        }

        return rows;
    }
}

/// <summary>One run of `demo` shared by the tests that read what it left.</summary>
public sealed class DemoRun : IAsyncLifetime
{
    public DirectoryInfo Out { get; } = Directory.CreateTempSubdirectory("cli-tests-demo-");

    public CliResult Result { get; private set; } = null!;

    public async Task InitializeAsync() => Result = await SafeguardingCli.RunAsync(TimeSpan.FromMinutes(10), "demo", "--out", Out.FullName);

    public Task DisposeAsync()
    {
        Out.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
