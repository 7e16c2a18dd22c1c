namespace Safeguarding.Reporting.Documents;

/// <summary>
/// A region's picture of its partnerships, in the region's own reports (the London Board's quarterly report): each
/// partnership's latest figure beside the region's total and England's published figure, ranked by the measure's
/// polarity, and the learning themes recurring across the region's case reviews. Everything comes from the gateway's
/// disclosure-controlled answers (suppressed is a state, never a number) and published figures: no organisation's
/// row-level data. <see cref="Available"/> is false when the gateway could not be asked (the section says so).
/// </summary>
public sealed record AreaPicture
{
    public required bool Available { get; init; }

    /// <summary>The day the gateway was asked (the day the report was drafted).</summary>
    public required DateOnly AsOf { get; init; }

    public IReadOnlyList<AreaMeasure> Measures { get; init; } = [];

    /// <summary>Null when the themes could not be had (no case reviews anywhere, or the call failed).</summary>
    public AreaThemes? Themes { get; init; }

    /// <summary>Null when no audit totals could be had (no audits anywhere, or the call failed).</summary>
    public AreaAudits? Audits { get; init; }

    /// <summary>Null when no survey totals could be had (no surveys service answered, or the call failed).</summary>
    public AreaSurveys? Surveys { get; init; }

    /// <summary>Approved stories the partnerships chose to share with the region's board, attributed with their partnership.</summary>
    public IReadOnlyList<Voice> SharedVoices { get; init; } = [];

    public static AreaPicture Unavailable(DateOnly asOf) => new() { Available = false, AsOf = asOf };

    /// <summary>The same picture with its measures grouped by content area (by title; measures without one last), for the Report Book.</summary>
    public AreaPicture ByContentArea() => this with
    {
        Measures = [.. Measures.OrderBy(m => m.ContentArea is null).ThenBy(m => m.ContentArea, StringComparer.Ordinal)],
    };
}

/// <summary>
/// One measure across the region for one period: every partnership's figure (best first where ranked), the region's
/// total over the partnerships that answered, and England's published figure for the same period when there is one.
/// </summary>
public sealed record AreaMeasure(
    MeasureInfo Measure,
    string Period,
    IReadOnlyList<AreaMember> Partnerships,
    SeriesPoint Region,
    SeriesPoint? England,
    int RankedCount,
    int Asked,
    int Answered)
{
    /// <summary>The measure's content area, as the region describes it: the Report Book groups the measures by it.</summary>
    public string? ContentArea { get; init; }
}

/// <summary>A partnership's figure and rank (1 = best by polarity; 0 = not ranked: not shown, or polarity neither).</summary>
public sealed record AreaMember(string Code, string Name, SeriesPoint Figure, int Rank);

/// <summary>Themes found in the region's case reviews, as area totals: <see cref="Reviews"/> may be withheld.</summary>
public sealed record AreaThemes(SeriesPoint ReviewsWithFindings, IReadOnlyList<AreaTheme> Themes, int Asked, int Answered);

public sealed record AreaTheme(string Title, SeriesPoint Reviews);
