using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Layout;

namespace Safeguarding.Reporting.Rendering.Html;

/// <summary>The actions register's parts of the quarterly report: 4.2's audit and review evidence, and 4.5's actions.</summary>
internal static class ActionsRegisterHtml
{
    /// <summary>Inside 4.2: what the period's audits and case reviews found, when there is any.</summary>
    public static void QualitativeEvidence(MarkupWriter w, QuarterlyReport report)
    {
        if (report.ActionsRegister is not { QualitativeEvidence.Count: > 0 } register)
        {
            return;
        }

        PageShell.Heading(w, 4, null, "From audits and case reviews");
        PageShell.List(w, register.QualitativeEvidence, "");
    }

    /// <summary>4.5: every action with the measure it should move and whether it moved, then open and overdue actions by owner.</summary>
    public static void Part(MarkupWriter w, QuarterlyReport report)
    {
        if (report.ActionsRegister is not { } register)
        {
            return;
        }

        PageShell.Section(w, ActionsRegisterOutline.Part.Id, null, 3, ActionsRegisterOutline.Part.Title);
        w.Element("p", "\u201cDid it move?\u201d compares the measure over the periods before an action was agreed with the periods since it was completed, "
            + "by the same rules as the rest of this report; it says \u201ctoo early to tell\u201d until there are enough periods.", "hint");
        w.Line();
        var tables = ActionsRegisterOutline.Tables(report, register);
        if (tables.Count == 0)
        {
            w.Element("p", "No actions are recorded in the actions register.");
            w.Line();
        }

        foreach (var table in tables)
        {
            TableHtml.Write(w, table());
        }

        if (register.TurningTheCurve.Count > 0)
        {
            PageShell.Heading(w, 4, null, "Turning the Curve");
            PageShell.List(w, register.TurningTheCurve, "");
        }

        w.Raw("</section>\n");
    }
}
