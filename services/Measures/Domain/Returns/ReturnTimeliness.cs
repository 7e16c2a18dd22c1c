namespace Safeguarding.Measures.Domain;

/// <summary>Whether a return came in, and when, against its due date.</summary>
public enum ReturnTimeliness
{
    NotYetDue,
    OnTime,
    Late,
    Missing,
    Waived,
}

public static class ReturnTimelinessRules
{
    /// <summary>
    /// Waived; else submitted (or further) on or before the due date: on time, after it: late; else missing once the due
    /// date has passed (the day itself still counts as in time), not yet due before.
    /// </summary>
    public static ReturnTimeliness Of(ReturnState state, DateOnly dueOn, DateTime? submittedAt, DateOnly today) => state switch
    {
        ReturnState.Waived => ReturnTimeliness.Waived,
        not ReturnState.Open when submittedAt is { } at => DateOnly.FromDateTime(at) <= dueOn ? ReturnTimeliness.OnTime : ReturnTimeliness.Late,
        _ => today > dueOn ? ReturnTimeliness.Missing : ReturnTimeliness.NotYetDue,
    };
}
