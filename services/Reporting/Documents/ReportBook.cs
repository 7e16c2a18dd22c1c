namespace Safeguarding.Reporting.Documents;

/// <summary>The annual "Safeguarding Children Report Book": one sheet per content area, a story sheet and the balance of information.</summary>
public sealed record ReportBook : ReportDocument
{
    /// <summary>Plain text; blank lines separate paragraphs.</summary>
    public string Introduction { get; init; } = "";

    public required IReadOnlyList<ContentAreaSheet> Sheets { get; init; }

    public required StorySheet Stories { get; init; }

    public required BalanceOfInformation Balance { get; init; }

    /// <summary>The QA timetable and its coverage when the book was drafted; null in books drafted before it existed.</summary>
    public Planning.Coverage? Timetable { get; init; }

    /// <summary>A sheet per Turning the Curve record held in the year (or earlier with actions still open); after the content areas.</summary>
    public IReadOnlyList<TurningTheCurveSheet> TurningTheCurve { get; init; } = [];

    /// <summary>Upkeep and completeness of the evidence (its own sheet); null in books drafted before it existed.</summary>
    public UpkeepSection? Upkeep { get; init; }

    /// <summary>A region's book: its partnerships beside the region and England, by content area; null otherwise.</summary>
    public AreaPicture? Area { get; init; }
}

/// <summary>The voices behind the figures.</summary>
public sealed record StorySheet(string Introduction, IReadOnlyList<Voice> Voices);
