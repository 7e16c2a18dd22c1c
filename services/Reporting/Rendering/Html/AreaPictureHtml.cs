using System.Globalization;
using System.Text;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Rendering.Charts;
using Safeguarding.Reporting.Rendering.Layout;
using Safeguarding.Reporting.Rendering.Text;

namespace Safeguarding.Reporting.Rendering.Html;

/// <summary>
/// A region's partnerships side by side (section 4.6 of a region's report): per measure, bars for every partnership
/// with the region's total and England's published figure drawn hollow, the ranking in words and the data table; then
/// the themes recurring across the region's case reviews. Comparison to learn from, not a league table verdict.
/// </summary>
internal static class AreaPictureHtml
{
    /// <param name="byContentArea">The Report Book's layout: a heading for each content area, the themes a part of their own.</param>
    public static void Write(MarkupWriter w, AreaPicture picture, AreaOutline? outline, bool byContentArea = false)
    {
        if (!picture.Available || outline is null)
        {
            w.Element("p", "The partnerships' figures could not be had from the gateway when this report was drafted on "
                + Wording.Date(picture.AsOf) + ". Draft the report again to include them.");
            w.Line();
            return;
        }

        w.Element("p", "Each partnership's latest figure beside the region's total and England's published figure, as the gateway answered on "
            + Wording.Date(picture.AsOf) + ". Figures from small numbers are withheld; a rank compares figures, it does not judge a partnership.");
        w.Line();
        if (picture.Measures.Count == 0)
        {
            w.Element("p", "No partnership has figures for the region's measures yet.");
            w.Line();
        }

        string? area = null;
        for (var i = 0; i < picture.Measures.Count; i++)
        {
            if (byContentArea && (i == 0 || picture.Measures[i].ContentArea != area))
            {
                area = picture.Measures[i].ContentArea;
                PageShell.Heading(w, 3, null, area ?? "Other measures");
            }

            Measure(w, picture.Measures[i], outline.Measures[i]);
        }

        PageShell.Heading(w, byContentArea ? 3 : 4, null, "Learning themes across the region's case reviews");
        if (picture.Themes is { } themes && outline.Themes is { } table)
        {
            w.Element("p", themes.Answered.ToString(CultureInfo.InvariantCulture) + " of " + Counted(themes.Asked, "partnership")
                + " answered; reviews with findings: " + ChartText.ValueOrState(themes.ReviewsWithFindings, MeasureUnit.Count) + ".");
            w.Line();
            TableHtml.Write(w, table());
        }
        else
        {
            w.Element("p", "No learning themes could be counted across the region's case reviews.");
            w.Line();
        }

        if (byContentArea)
        {
            Audits(w, picture, outline, level: 3);
            Surveys(w, picture, outline, level: 3);
        }
    }

    /// <summary>
    /// Case audit grades across the region (a region's 4.2, and its Report Book): per tool, how many audits the totals
    /// count and a table of each criterion's answers. Nothing when the picture has no audit totals.
    /// </summary>
    public static void Audits(MarkupWriter w, AreaPicture picture, AreaOutline? outline, int level)
    {
        if (picture.Audits is not { } audits || outline is null)
        {
            return;
        }

        Aggregate(w, level, "Case audit grades across the region",
            audits.Answered.ToString(CultureInfo.InvariantCulture) + " of " + Counted(audits.Asked, "organisation")
                + " with an audits service answered; every final audit to " + Wording.Date(picture.AsOf) + ", summed over the organisations using the same tool. ",
            "No organisation has final audits yet.",
            audits.Tools.Select(tool => new AggregateGroup(tool.Title, "Audits counted: " + ChartText.ValueOrState(tool.Audits, MeasureUnit.Count), tool.Organisations, Tables.AreaTables.ByScale(tool).Count())),
            outline.Audits);
    }

    /// <summary>
    /// Survey results across the region (a region's 4.2, and its Report Book): per questionnaire, how many responses
    /// the totals count and a table of each question's answers. Nothing when the picture has no survey totals.
    /// </summary>
    public static void Surveys(MarkupWriter w, AreaPicture picture, AreaOutline? outline, int level)
    {
        if (picture.Surveys is not { } surveys || outline is null)
        {
            return;
        }

        Aggregate(w, level, "Survey results across the region",
            surveys.Answered.ToString(CultureInfo.InvariantCulture) + " of " + Counted(surveys.Asked, "organisation")
                + " with a surveys service answered; every closed survey wave to " + Wording.Date(picture.AsOf) + ", summed over the organisations that ran the same questionnaire. ",
            "No organisation has closed a survey wave yet.",
            surveys.Questionnaires.Select(q => new AggregateGroup(q.Title, "Responses counted: " + ChartText.ValueOrState(q.Responses, MeasureUnit.Count), q.Organisations, Tables.AreaTables.ByChoices(q).Count())),
            outline.Surveys);
    }

    /// <summary>One tool's or questionnaire's totals: its heading, what it counted, and how many of the outline's tables are its.</summary>
    private sealed record AggregateGroup(string Title, string Counted, int Organisations, int Tables);

    // An aggregate across the region: what was asked and summed, then per group its count and tables (in the outline's order).
    private static void Aggregate(MarkupWriter w, int level, string heading, string asked, string none, IEnumerable<AggregateGroup> groups, IReadOnlyList<Func<Tables.ReportTable>> tables)
    {
        PageShell.Heading(w, level, null, heading);
        w.Element("p", asked + "A total is withheld where it is small, or where an organisation's own count was too small to leave it.");
        w.Line();
        var all = groups.ToList();
        if (all.Count == 0)
        {
            w.Element("p", none);
            w.Line();
            return;
        }

        var table = 0;
        foreach (var group in all)
        {
            PageShell.Heading(w, level + 1 > 4 ? 4 : level + 1, null, group.Title);
            w.Element("p", group.Counted + ", across " + Counted(group.Organisations, "organisation") + ".");
            w.Line();
            for (var i = 0; i < group.Tables; i++)
            {
                TableHtml.Write(w, tables[table++]());
            }
        }
    }

    private static void Measure(MarkupWriter w, AreaMeasure measure, FigureOutline figure)
    {
        var unit = measure.Measure.Unit;
        PageShell.Heading(w, 4, null, measure.Measure.Title);
        var rows = new List<BarRow>(measure.Partnerships.Count + 2);
        rows.AddRange(measure.Partnerships.Select(p => new BarRow(p.Name, p.Figure.Value, ChartText.ValueOrState(p.Figure, unit))));
        rows.Add(new BarRow("Region total", measure.Region.Value, ChartText.ValueOrState(measure.Region, unit), Outlined: true));
        if (measure.England is { } england)
        {
            rows.Add(new BarRow("England", england.Value, ChartText.ValueOrState(england, unit), Outlined: true));
        }

        FigureHtml.Bars(w, figure, rows, unit, Summary(measure), [.. measure.Partnerships.Select(p => p.Figure)]);
    }

    private static string Summary(AreaMeasure measure)
    {
        var unit = measure.Measure.Unit;
        var text = new StringBuilder();
        text.Append(measure.Answered.ToString(CultureInfo.InvariantCulture)).Append(" of ").Append(Counted(measure.Asked, "organisation")).Append(" answered for ")
            .Append(measure.Period).Append("; ").Append(Counted(measure.RankedCount, "figure")).Append(" ranked. ");
        var ranked = measure.Partnerships.Where(p => p.Rank > 0).ToList();
        if (ranked.Count > 1)
        {
            text.Append("Ranked first: ").Append(ranked[0].Name).Append(" (").Append(ChartText.ValueOrState(ranked[0].Figure, unit)).Append("); last: ")
                .Append(ranked[^1].Name).Append(" (").Append(ChartText.ValueOrState(ranked[^1].Figure, unit)).Append("). ");
        }

        text.Append("Region total ").Append(ChartText.ValueOrState(measure.Region, unit));
        if (measure.England is { } england)
        {
            text.Append("; England ").Append(ChartText.ValueOrState(england, unit));
        }

        return text.Append(". ").Append(Wording.PolarityText(measure.Measure.Polarity)).Append('.').ToString();
    }

    private static string Counted(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");
}
