namespace Safeguarding.CaseReviews.Domain;

/// <summary>A request field is wrong in itself (INVALID_ARGUMENT naming <see cref="Field"/>).</summary>
public sealed class InvalidFieldException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;

    public string Problem { get; } = message;
}

/// <summary>The request is well formed but the record's state does not allow it yet (FAILED_PRECONDITION naming <see cref="Field"/>).</summary>
public sealed class StateConflictException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;

    public string Problem { get; } = message;
}

/// <summary>Who did something and when, for audit trails (a user id, never a name).</summary>
public sealed record Actor(string UserId, DateTimeOffset At)
{
    public DateOnly Today => DateOnly.FromDateTime(At.UtcDateTime);
}
