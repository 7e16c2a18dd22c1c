namespace Safeguarding.Reporting.Documents;

/// <summary>An improvement action and the measure it is meant to move (by measure id, optional).</summary>
public sealed record ReportAction(
    string Description,
    string OwnerOrganisation,
    DateOnly DueOn,
    ActionStatus Status,
    string? MeasureId = null);

public enum ActionStatus
{
    NotStarted,
    InProgress,
    Delayed,
    Completed,
}
