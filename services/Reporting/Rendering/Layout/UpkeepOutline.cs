using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Tables;
using Safeguarding.Reporting.Rendering.Text;

namespace Safeguarding.Reporting.Rendering.Layout;

/// <summary>The upkeep section laid out: its id and its table (also a CSV file).</summary>
internal sealed record UpkeepOutline(string Id, Func<ReportTable> Table)
{
    public const string SectionId = "upkeep";

    /// <summary>Null when the document has no upkeep section (drafted before it existed).</summary>
    public static UpkeepOutline? Build(IdRegistry ids, UpkeepSection? upkeep)
    {
        if (upkeep is null)
        {
            return null;
        }

        var id = ids.Claim(SectionId, null, "-heading", "-table");
        return new UpkeepOutline(id, () => UpkeepTables.ByOrganisation(id + "-table", "Upkeep and completeness by organisation, as at " + Wording.Date(upkeep.AsOf), upkeep));
    }
}
