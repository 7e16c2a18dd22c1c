using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Layout;
using Safeguarding.Reporting.Rendering.Text;

namespace Safeguarding.Reporting.Rendering.Html;

/// <summary>
/// Upkeep and completeness of the evidence: what counts, the table by organisation (words and numbers, no colour), and
/// for each organisation its score explained and what was missing; then any returns whose figures were left out.
/// </summary>
internal static class UpkeepHtml
{
    public const string Heading = "Upkeep and completeness of our evidence";

    public static void Write(MarkupWriter w, UpkeepSection? upkeep, UpkeepOutline? outline, int level, string heading = Heading, string? cssClass = null)
    {
        if (upkeep is null || outline is null)
        {
            return;
        }

        PageShell.Section(w, outline.Id, cssClass, level, heading);
        w.Element("p", "How well our evidence is kept up to date, as at " + Wording.Date(upkeep.AsOf) + ". Each organisation is scored on the share of "
            + "what is expected of it that is up to date: each return due arriving by its due date (a waived return is not expected), a recent figure "
            + "for each measure in use (none missing for a period that ended more than one period ago), a story behind the figures for each measure "
            + "with a figure this period, and a target or forecast for each measure in use.");
        w.Line();
        TableHtml.Write(w, outline.Table());

        foreach (var organisation in upkeep.Organisations)
        {
            PageShell.Heading(w, level + 1, null, organisation.Name);
            w.Element("p", organisation.Explanation);
            w.Line();
            PageShell.List(w, organisation.Missing, "Nothing is missing.");
        }

        if (upkeep.HeldBack.Count > 0)
        {
            PageShell.Heading(w, level + 1, null, "Figures not included");
            PageShell.List(w, upkeep.HeldBack, "");
        }

        w.Raw("</section>\n");
    }
}
