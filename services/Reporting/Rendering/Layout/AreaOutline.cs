using System.Globalization;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Tables;

namespace Safeguarding.Reporting.Rendering.Layout;

/// <summary>
/// A region's picture of its partnerships laid out: one figure per measure (bars for every partnership, the region
/// and England, with the data table) and the recurring themes as a table. Each table is also a CSV file.
/// </summary>
internal sealed record AreaOutline(IReadOnlyList<FigureOutline> Measures, Func<ReportTable>? Themes)
{
    /// <summary>Audit grades across the region: per tool, a table per scale (in the tools' order).</summary>
    public IReadOnlyList<Func<ReportTable>> Audits { get; private init; } = [];

    /// <summary>Survey results across the region: per questionnaire, a table per set of choices (in the questionnaires' order).</summary>
    public IReadOnlyList<Func<ReportTable>> Surveys { get; private init; } = [];

    /// <summary>Every table of the picture, in the order a Report Book shows them.</summary>
    public IEnumerable<Func<ReportTable>> Tables => Measures.Select(m => (Func<ReportTable>)m.BuildTable).Concat(Themes is { } t ? [t] : []).Concat(Audits).Concat(Surveys);

    public static readonly (string Id, string Title) Part = ("across-region", "4.6 Across the region: partnerships beside the region and England");

    /// <summary>The Report Book's part: the same picture, grouped by content area.</summary>
    public static readonly (string Id, string Title) BookPart = ("across-region", "Across the region: partnerships beside the region and England");

    /// <param name="numberPrefix">Before each figure's number: the book numbers its parts ("7." gives 7.1, 7.2...).</param>
    public static AreaOutline Build(IdRegistry ids, ref int figureNumber, AreaPicture picture, string numberPrefix = "")
    {
        var figures = new List<FigureOutline>(picture.Measures.Count);
        foreach (var measure in picture.Measures)
        {
            var id = ids.Claim("area", measure.Measure.Id, FigureOutline.DerivedIds);
            var number = numberPrefix + (++figureNumber).ToString(CultureInfo.InvariantCulture);
            var caption = measure.Measure.Title + ", " + measure.Period + ", by partnership";
            figures.Add(new FigureOutline(id, number, caption, () => AreaTables.Measure(id + "-table", FigureCaptions.TableCaption(number, caption), measure)));
        }

        Func<ReportTable>? themes = null;
        if (picture.Themes is { Themes.Count: > 0 } areaThemes)
        {
            var themesId = ids.Claim("area-themes", null);
            themes = () => AreaTables.Themes(themesId, "Learning themes across the region's case reviews, as at " + Text.Wording.Date(picture.AsOf), areaThemes);
        }

        var audits = new List<Func<ReportTable>>();
        foreach (var tool in picture.Audits?.Tools ?? [])
        {
            foreach (var scale in AreaTables.ByScale(tool))
            {
                var auditId = ids.Claim("area-audits", tool.Title);
                var caption = tool.Title + ": answers across the region, as at " + Text.Wording.Date(picture.AsOf);
                audits.Add(() => AreaTables.Audit(auditId, caption, scale));
            }
        }

        var surveys = new List<Func<ReportTable>>();
        foreach (var questionnaire in picture.Surveys?.Questionnaires ?? [])
        {
            foreach (var choices in AreaTables.ByChoices(questionnaire))
            {
                var surveyId = ids.Claim("area-surveys", questionnaire.Title);
                var caption = questionnaire.Title + ": respondents by answer across the region, as at " + Text.Wording.Date(picture.AsOf)
                    + (choices[0].MultipleChoice ? " (several answers may be picked)" : "");
                surveys.Add(() => AreaTables.Survey(surveyId, caption, choices));
            }
        }

        return new AreaOutline(figures, themes) { Audits = audits, Surveys = surveys };
    }
}
