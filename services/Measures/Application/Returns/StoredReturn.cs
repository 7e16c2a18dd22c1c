using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Application.Returns;

/// <summary>A return as stored, or as it stands untouched (open, no row yet).</summary>
public sealed record StoredReturn(
    ReturnKey Key,
    ReturnState State,
    DateOnly DueOn,
    DateTime? SubmittedAt = null,
    string? SubmittedBy = null,
    DateTime? ApprovedAt = null,
    string? ApprovedBy = null,
    DateTime? AcceptedAt = null,
    string? AcceptedBy = null,
    string? Reason = null,
    DateTime? ChangedAt = null,
    string? ChangedBy = null)
{
    public static StoredReturn Untouched(ReturnKey key, DateOnly dueOn) => new(key, ReturnState.Open, dueOn);
}
