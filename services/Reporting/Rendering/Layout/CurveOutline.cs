using System.Globalization;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Tables;

namespace Safeguarding.Reporting.Rendering.Layout;

/// <summary>
/// A Turning the Curve sheet laid out: its id, the baseline's figure (numbered "T1.1", so the content areas' and
/// balance's numbers stay as they were) and its action plan table; both tables are CSV files too.
/// </summary>
internal sealed record CurveOutline(string Id, string Number, MeasureOutline? Baseline, Func<ReportTable>? Actions)
{
    public const string SectionPrefix = "turning-the-curve";

    private static readonly string[] DerivedIds = ["-heading", "-plan"];

    public string HeadingId => Id + "-heading";

    /// <summary>Claims every sheet's ids in order and appends their tables to <paramref name="tables"/>.</summary>
    public static IReadOnlyList<CurveOutline> Claim(IdRegistry ids, IReadOnlyList<TurningTheCurveSheet> sheets, List<Func<ReportTable>> tables)
    {
        var outlines = new CurveOutline[sheets.Count];
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = sheets[i];
            var number = "T" + (i + 1).ToString(CultureInfo.InvariantCulture);
            var id = ids.Claim(SectionPrefix, number, DerivedIds);
            var figure = 0;
            var baseline = sheet.Baseline is { } trend ? FigureCaptions.Measure(ids, id, number + ".", ref figure, new MeasureEvidence(trend)) : null;
            if (baseline is not null)
            {
                tables.Add(baseline.Trend.BuildTable);
            }

            Func<ReportTable>? actions = null;
            if (sheet.Actions.Count > 0)
            {
                TableCell? measureLink = baseline is null ? null : TableCell.Plain(sheet.MeasureTitle, "#" + baseline.Id);
                actions = () => TableFactory.Actions(id + "-plan", "Action plan for Turning the Curve: " + sheet.Title, sheet.Actions,
                    measureId => measureId == sheet.MeasureId ? measureLink : null);
                tables.Add(actions);
            }

            outlines[i] = new CurveOutline(id, number, baseline, actions);
        }

        return outlines;
    }
}
