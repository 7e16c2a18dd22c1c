namespace Safeguarding.Gateway.Aggregation;

/// <summary>One target's result: a value when Ok, otherwise a status and a fixed, non-personal detail.</summary>
public sealed record FanOutOutcome<T>(string Target, OutcomeStatus Status, T? Value, string Detail);

/// <summary>Builds outcomes.</summary>
public static class FanOutOutcome
{
    public static FanOutOutcome<T> Ok<T>(string target, T value) => new(target, OutcomeStatus.Ok, value, string.Empty);

    public static FanOutOutcome<T> Skipped<T>(string target, OutcomeStatus status, string detail) => new(target, status, default, detail);
}

/// <summary>The share of the caller's deadline one target's call gets, and the token that ends it.</summary>
public readonly record struct CallBudget(DateTime Deadline, CancellationToken CancellationToken);
