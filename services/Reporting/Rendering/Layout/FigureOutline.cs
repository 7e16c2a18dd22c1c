using Safeguarding.Reporting.Rendering.Tables;

namespace Safeguarding.Reporting.Rendering.Layout;

/// <summary>
/// A figure's id, number ("3.2"), caption and how to build the data table shown beneath its chart.
/// Tables are built when written, not kept: a large book has hundreds of thousands of cells.
/// </summary>
internal sealed record FigureOutline(string Id, string Number, string Caption, Func<ReportTable> BuildTable)
{
    /// <summary>Ids derived from a figure's id; claimed with it so nothing else can take them.</summary>
    public static readonly string[] DerivedIds = ["-title", "-summary", "-table"];

    public string Label => "Figure " + Number;

    public string TitleId => Id + "-title";

    public string SummaryId => Id + "-summary";
}

/// <summary>The one or two figures drawn for a measure.</summary>
internal sealed record MeasureOutline(string Id, FigureOutline Trend, FigureOutline? YearOnYear);
