using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Layout;
using Safeguarding.Reporting.Rendering.Text;

namespace Safeguarding.Reporting.Rendering.Html;

/// <summary>
/// A Turning the Curve sheet of the Report Book, in results-based accountability's order: the baseline with its
/// forecast (the measure's chart and data table), the story behind the baseline, partners with a role to play, what
/// works, and the action plan with each action's status and whether it moved the measure.
/// </summary>
internal static class TurningTheCurveHtml
{
    public static string Heading(CurveOutline outline, TurningTheCurveSheet sheet) => outline.Number + ". Turning the Curve: " + sheet.Title;

    public static void Write(MarkupWriter w, TurningTheCurveSheet sheet, CurveOutline outline)
    {
        PageShell.Section(w, outline.Id, "sheet curve", 2, Heading(outline, sheet));
        w.Element("p", "Exercise held on " + Wording.Date(sheet.HeldOn) + " on the measure \u201c" + sheet.MeasureTitle + "\u201d."
            + (sheet.Completes is { } done ? " " + done : ""), "meta-line");
        w.Line();

        PageShell.Heading(w, 3, null, "The baseline and the forecast");
        if (sheet.Baseline is { } trend && outline.Baseline is { } figure)
        {
            w.Element("p", "Where the measure has been, and where it is forecast to go: the dashed line is the forecast, the short bars the targets. "
                + "The table under the chart gives the same figures.");
            w.Line();
            FigureHtml.Measure(w, new MeasureEvidence(trend), figure);
        }
        else
        {
            w.Element("p", "No figures of ours are recorded for this measure in the years this book covers, so there is no baseline to draw yet.");
            w.Line();
        }

        PageShell.Heading(w, 3, null, "The story behind the baseline");
        w.Paragraphs(sheet.Story.Length > 0 ? sheet.Story : "No story behind the baseline has been recorded.");
        if (sheet.Forces.Count > 0)
        {
            w.Element("p", "Causes and forces at work:");
            w.Line();
            PageShell.List(w, [.. sheet.Forces.Select(f => (f.Helping ? "Helping: " : "Holding it back: ") + f.Text)], "");
        }

        PageShell.Heading(w, 3, null, "Partners with a role to play");
        PageShell.List(w, [.. sheet.Partners.Select(p => p.Contribution.Length > 0 ? p.Partner + ": " + p.Contribution : p.Partner)], "No partners have been named yet.");

        PageShell.Heading(w, 3, null, "What works");
        PageShell.List(w, [.. sheet.WhatWorks.Select(i => i.Kind + ": " + i.Text + (i.Evidence.Length > 0 ? " (evidence: " + i.Evidence + ")" : ""))], "No ideas have been recorded yet.");

        PageShell.Heading(w, 3, null, "Action plan");
        if (outline.Actions is { } actions)
        {
            w.Element("p", "Each action is in the actions register; \u201cdid it move?\u201d compares the measure before the action was agreed with the periods since it was completed.", "hint");
            w.Line();
            TableHtml.Write(w, actions());
        }
        else
        {
            w.Element("p", "No actions have been agreed from this exercise yet.");
            w.Line();
        }

        w.Raw("</section>\n");
    }
}
