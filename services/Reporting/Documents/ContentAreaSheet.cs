namespace Safeguarding.Reporting.Documents;

/// <summary>
/// One sheet of the Report Book: why the area matters and what good looks like, the figures,
/// the story behind them, the actions, and the questions a board should ask.
/// </summary>
public sealed record ContentAreaSheet
{
    public required string ContentAreaId { get; init; }

    public required string Title { get; init; }

    public required ContentAreaGroup Group { get; init; }

    /// <summary>Plain text; blank lines separate paragraphs.</summary>
    public required string WhyItMatters { get; init; }

    public IReadOnlyList<GoodStatement> GoodStatements { get; init; } = [];

    public IReadOnlyList<MeasureEvidence> Measures { get; init; } = [];

    /// <summary>The analysis: what the figures mean. Plain text; blank lines separate paragraphs.</summary>
    public required string StoryBehindTheFigures { get; init; }

    public IReadOnlyList<ReportAction> Actions { get; init; } = [];

    public IReadOnlyList<string> ScrutinyQuestions { get; init; } = [];
}

/// <summary>The framework's three groups of content areas.</summary>
public enum ContentAreaGroup
{
    Practice,
    OrganisationalAndPractitioner,
    WiderPicture,
}
