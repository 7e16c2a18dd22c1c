using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Charts;
using Safeguarding.Reporting.Rendering.Layout;
using Safeguarding.Reporting.Rendering.Tables;
using Safeguarding.Reporting.Rendering.Text;

namespace Safeguarding.Reporting.Rendering.Html;

/// <summary>
/// The quarterly "How are we doing?" safeguarding effectiveness report, in the sections of the board's template.
/// Headlines are "what we are doing well" and "areas for further exploration" — never a verdict before the evidence is in.
/// </summary>
internal static class QuarterlyHtml
{
    public static void Write(MarkupWriter w, QuarterlyReport report)
    {
        var outline = QuarterlyOutline.Build(report);
        var contents = new List<ContentsEntry>(QuarterlyOutline.Sections.Length);
        foreach (var (id, title) in QuarterlyOutline.Sections)
        {
            contents.Add(new ContentsEntry(id, title));
        }

        var details = new List<(string, string)>();
        if (report.MeetingDate is { } meeting)
        {
            details.Add(("Board meeting date", Wording.Date(meeting)));
        }

        if (report.AuthorRoles.Count > 0)
        {
            details.Add(("Report author", string.Join("; ", report.AuthorRoles)));
        }

        details.Add(("Purpose of report", report.Purpose));
        details.Add(("Period covered", report.Period.Label));
        details.Add(("Published", Wording.Date(report.PublishedOn)));
        details.Add(("Version", report.Version));
        PageShell.Begin(w, report, details, contents);

        var sections = QuarterlyOutline.Sections;
        Open(w, sections[0]);
        if (string.IsNullOrWhiteSpace(report.Introduction))
        {
            w.Element("p", "This report summarises the evidence discussed about how we are doing, and recommendations for the partnership.");
            w.Line();
        }

        w.Paragraphs(report.Introduction);
        Close(w);

        Open(w, sections[1]);
        Priorities(w, report.StrategicPriorities);
        Close(w);

        Open(w, sections[2]);
        w.Element("p", "Evidence available for scrutiny in the period:");
        w.Line();
        PageShell.List(w, report.EvidenceAvailable, "No evidence was presented in this period.");
        if (report.QuarterFocus is { } focus)
        {
            w.Element("p", "This quarter's focus: " + focus + ".");
            w.Line();
        }

        TimetableHtml.Write(w, report.Timetable, outline.Timetable, level: 3, heading: "3.1 " + TimetableHtml.Heading);
        UpkeepHtml.Write(w, report.Upkeep, outline.Upkeep, level: 3, heading: (report.Timetable is null ? "3.1 " : "3.2 ") + UpkeepHtml.Heading);
        Close(w);

        Open(w, sections[3]);
        Performance(w, report, outline);
        Close(w);

        Open(w, sections[4]);
        PageShell.List(w, report.HorizonScanning, "No emerging issues were noted for the next period.");
        Close(w);

        Open(w, sections[5]);
        w.Element("p", "Including recommendations for workforce development, communications and other sub-groups.", "hint");
        w.Line();
        Recommendations(w, report.Recommendations);
        Close(w);

        PageShell.End(w, report);
    }

    private static void Open(MarkupWriter w, (string Id, string Title) section) => PageShell.Section(w, section.Id, null, 2, section.Title);

    private static void Close(MarkupWriter w) => w.Raw("</section>\n");

    private static void Priorities(MarkupWriter w, IReadOnlyList<StrategicPriority> priorities)
    {
        if (priorities.Count == 0)
        {
            w.Element("p", "No strategic priorities are recorded.");
            w.Line();
            return;
        }

        w.Raw("<ul>\n");
        foreach (var kind in Enum.GetValues<PriorityKind>())
        {
            var number = 0;
            foreach (var priority in priorities)
            {
                if (priority.Kind == kind)
                {
                    number++;
                    w.Element("li", Wording.PriorityKindName(kind) + " " + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + priority.Title);
                    w.Line();
                }
            }
        }

        w.Raw("</ul>\n");
    }

    private static void Performance(MarkupWriter w, QuarterlyReport report, QuarterlyOutline outline)
    {
        var parts = QuarterlyOutline.PerformanceParts;
        var performance = report.Performance;

        PageShell.Section(w, parts[0].Id, null, 3, parts[0].Title);
        w.Paragraphs(performance.Narrative);
        PageShell.Heading(w, 4, null, Wording.DoingWell);
        PageShell.List(w, performance.DoingWell, "Nothing was highlighted this period.");
        PageShell.Heading(w, 4, null, Wording.FurtherExploration);
        w.Element("p", Wording.FurtherExplorationHint, "hint");
        w.Line();
        PageShell.List(w, performance.FurtherExploration, "Nothing was highlighted this period.");
        for (var i = 0; i < performance.Measures.Count; i++)
        {
            FigureHtml.Measure(w, performance.Measures[i], outline.Measures[i]);
        }

        for (var i = 0; i < performance.Breakdowns.Count; i++)
        {
            Breakdown(w, performance.Breakdowns[i], outline.Breakdowns[i]);
        }

        w.Raw("</section>\n");

        PageShell.Section(w, parts[1].Id, null, 3, parts[1].Title);
        if (string.IsNullOrWhiteSpace(report.QualitativeEvidence) && report.ActionsRegister is not { QualitativeEvidence.Count: > 0 })
        {
            w.Element("p", "No qualitative evidence was presented in this period.");
            w.Line();
        }

        w.Paragraphs(report.QualitativeEvidence);
        ActionsRegisterHtml.QualitativeEvidence(w, report);
        if (report.Area is { } picture)
        {
            AreaPictureHtml.Audits(w, picture, outline.Area, level: 4);
            AreaPictureHtml.Surveys(w, picture, outline.Area, level: 4);
        }

        w.Raw("</section>\n");

        PageShell.Section(w, parts[2].Id, null, 3, parts[2].Title);
        PageShell.Voices(w, report.Voices);
        w.Raw("</section>\n");

        if (report.CaseReviews is { } dashboard)
        {
            PageShell.Section(w, QuarterlyOutline.CaseReviewsPart.Id, null, 3, QuarterlyOutline.CaseReviewsPart.Title);
            CaseReviews(w, dashboard, outline.Reviews);
            w.Raw("</section>\n");
        }

        ActionsRegisterHtml.Part(w, report);

        if (report.Area is { } area)
        {
            PageShell.Section(w, AreaOutline.Part.Id, null, 3, AreaOutline.Part.Title);
            AreaPictureHtml.Write(w, area, outline.Area);
            w.Raw("</section>\n");
        }
    }

    /// <summary>The partnership's case reviews dashboard: open reviews on their clocks, overdue actions, recurring themes.</summary>
    private static void CaseReviews(MarkupWriter w, ReviewDashboard dashboard, ReviewsOutline? outline)
    {
        if (!dashboard.Available || outline is null)
        {
            w.Element("p", "The case reviews dashboard was unavailable when this report was drafted on " + Wording.Date(dashboard.AsOf)
                + ". Draft the report again to include open reviews, their clocks, overdue actions and recurring themes.");
            w.Line();
            return;
        }

        var open = dashboard.OpenReviews.Count;
        var stages = string.Join(", ", dashboard.OpenByStage.Select(s => Counted(s.Reviews, "review") + " at " + s.Stage.ToLowerInvariant()));
        w.Element("p", "As at " + Wording.Date(dashboard.AsOf) + ", the partnership has " + Counted(open, "open case review")
            + (stages.Length > 0 ? " (" + stages + ")" : "") + ".");
        w.Line();
        if (open > 0)
        {
            TableHtml.Write(w, outline.Clocks());
        }

        PageShell.Heading(w, 4, null, "Actions from case reviews");
        if (outline.Actions is { } figure)
        {
            var rows = new BarRow[dashboard.Actions.Count];
            var summary = new System.Text.StringBuilder();
            for (var i = 0; i < rows.Length; i++)
            {
                var a = dashboard.Actions[i];
                rows[i] = new BarRow(a.OrganisationName, a.Overdue, a.Overdue.ToString(System.Globalization.CultureInfo.InvariantCulture));
                summary.Append(i == 0 ? "" : "; ").Append(a.OrganisationName).Append(": ").Append(Counted(a.Overdue, "overdue action"))
                    .Append(" of ").Append(a.Open.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" open");
            }

            summary.Append('.');
            FigureHtml.Bars(w, figure, rows, MeasureUnit.Count, summary.ToString());
        }
        else
        {
            w.Element("p", "No actions from case reviews are open.");
            w.Line();
        }

        PageShell.Heading(w, 4, null, "Recurring learning themes");
        if (outline.Themes is { } themes)
        {
            TableHtml.Write(w, themes());
        }
        else
        {
            w.Element("p", "No findings have been tagged with a learning theme yet.");
            w.Line();
        }
    }

    private static string Counted(int n, string noun) => n.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");

    /// <summary>Variation between teams or localities, to explore rather than rank.</summary>
    private static void Breakdown(MarkupWriter w, MeasureBreakdown breakdown, FigureOutline figure)
    {
        var unit = breakdown.Measure.Unit;
        PageShell.Heading(w, 4, null, breakdown.Measure.Title + " by " + Wording.BreakdownName(breakdown.Kind).ToLowerInvariant());
        var rows = new BarRow[breakdown.Groups.Count];
        var summary = new System.Text.StringBuilder();
        SeriesPoint? lowest = null, highest = null;
        for (var i = 0; i < rows.Length; i++)
        {
            var group = breakdown.Groups[i];
            var text = ChartText.ValueOrState(group, unit);
            rows[i] = new BarRow(group.Label, group.Value, text);
            summary.Append(i == 0 ? "" : "; ").Append(group.Label).Append(' ').Append(text);
            if (group.Value is { } value)
            {
                lowest = lowest is null || value < lowest.Value ? group : lowest;
                highest = highest is null || value > highest.Value ? group : highest;
            }
        }

        summary.Append('.');
        if (lowest is not null && highest is not null && !ReferenceEquals(lowest, highest))
        {
            summary.Append(" The range runs from ").Append(ChartText.ValueOrState(lowest, unit)).Append(" (").Append(lowest.Label)
                .Append(") to ").Append(ChartText.ValueOrState(highest, unit)).Append(" (").Append(highest.Label).Append("). ")
                .Append(Wording.PolarityText(breakdown.Measure.Polarity)).Append('.');
        }

        FigureHtml.Bars(w, figure, rows, unit, summary.ToString(), breakdown.Groups);
    }

    private static void Recommendations(MarkupWriter w, IReadOnlyList<Recommendation> recommendations)
    {
        if (recommendations.Count == 0)
        {
            w.Element("p", "No recommendations this period.");
            w.Line();
            return;
        }

        w.Raw("<ol>\n");
        foreach (var recommendation in recommendations)
        {
            w.Raw("<li>");
            w.Text(recommendation.Text);
            if (recommendation.For is not null)
            {
                w.Raw(" <span class=\"hint\">");
                w.Text("(for " + recommendation.For + ")");
                w.Raw("</span>");
            }

            w.Raw("</li>\n");
        }

        w.Raw("</ol>\n");
    }
}
