using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Application.ContentAreas;

/// <summary>A "what good looks like" statement of an organisation's area; keeps its library link when it came from there.</summary>
public sealed record StatementItem(string Id, string? LibraryId, InformationType Type, string Text, bool Retired);

/// <summary>A scrutiny question of an organisation's area.</summary>
public sealed record QuestionItem(string Id, string? LibraryId, string Text, bool Retired);

/// <summary>A content area as an organisation holds it: adopted from the library (and maybe adapted) or its own.</summary>
public sealed record OrganisationContentArea
{
    public required string OrganisationCode { get; init; }

    public required string Id { get; init; }

    public string? LibraryId { get; init; }

    public required string Group { get; init; }

    public required string Title { get; init; }

    public required string WhyItMatters { get; init; }

    public required IReadOnlyList<StatementItem> Statements { get; init; }

    public required IReadOnlyList<QuestionItem> Questions { get; init; }

    public bool Retired { get; init; }

    public string? RetiredReason { get; init; }

    public int Revision { get; init; }

    public DateTime UpdatedAt { get; init; }

    public string ETag => $"r{Revision}";
}
