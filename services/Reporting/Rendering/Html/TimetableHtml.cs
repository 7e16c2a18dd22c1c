using Safeguarding.Reporting.Planning;
using Safeguarding.Reporting.Rendering.Layout;
using Safeguarding.Reporting.Rendering.Tables;
using Safeguarding.Reporting.Rendering.Text;

namespace Safeguarding.Reporting.Rendering.Html;

/// <summary>
/// The QA timetable's section: the coverage heat-map as a table whose cells say their state in words (colour only
/// repeats it), what is overdue or not covered with the rule that raised it, and (in the book) the timetable itself.
/// </summary>
internal static class TimetableHtml
{
    public const string Heading = "Quality assurance timetable and coverage";

    public static void Write(MarkupWriter w, Coverage? coverage, TimetableOutline? outline, int level, string heading = Heading, string? cssClass = null)
    {
        if (coverage is null || outline is null)
        {
            return;
        }

        PageShell.Section(w, outline.Id, cssClass, level, heading);
        w.Element("p", "What we have done and planned to gather evidence over three years (seed 003's quality assurance timetable), "
            + "judged on " + Wording.Date(coverage.AsOf) + " against our minimum programme. Each cell says whether the area was covered that year: "
            + "done, planned, overdue (planned for a period that has ended and not recorded as done) or not covered.");
        w.Line();
        HeatMap(w, outline.HeatMap());

        PageShell.Heading(w, level + 1, null, "Overdue or not covered");
        if (coverage.Gaps.Count == 0)
        {
            w.Element("p", "Nothing is overdue, and every minimum of the programme is done or planned.");
            w.Line();
        }
        else
        {
            w.Raw("<ul>\n");
            foreach (var gap in coverage.Gaps)
            {
                w.Raw("<li>");
                w.Text((gap.Kind == GapKind.Overdue ? "Overdue: " : "Not covered: ") + gap.Text);
                w.Raw(" <span class=\"hint\">");
                w.Text("(rule " + gap.Rule + ": " + gap.RuleText + ")");
                w.Raw("</span></li>\n");
            }

            w.Raw("</ul>\n");
        }

        if (outline.Activities is { } activities)
        {
            PageShell.Heading(w, level + 1, null, "The timetable");
            TableHtml.Write(w, activities());
        }

        w.Raw("</section>\n");
    }

    /// <summary>The coverage table with a class per state, so colour can repeat what each cell says in words.</summary>
    private static void HeatMap(MarkupWriter w, ReportTable table) =>
        TableHtml.Write(w, table, "coverage", cell => cell.Text switch
        {
            var t when t.StartsWith("done", StringComparison.Ordinal) => "cover-done",
            var t when t.StartsWith("overdue", StringComparison.Ordinal) => "cover-overdue",
            var t when t.StartsWith("planned", StringComparison.Ordinal) => "cover-planned",
            _ => "cover-none",
        });
}
