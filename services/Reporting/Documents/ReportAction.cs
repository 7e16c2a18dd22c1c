namespace Safeguarding.Reporting.Documents;

/// <summary>
/// An improvement action and the measure it is meant to move (by measure id, optional). From the actions register
/// it also says where it came from, whether it is overdue, "did it move?" in words, and its evidence of impact.
/// </summary>
public sealed record ReportAction(
    string Description,
    string OwnerOrganisation,
    DateOnly DueOn,
    ActionStatus Status,
    string? MeasureId = null,
    string? Source = null,
    bool Overdue = false,
    string? Movement = null,
    string? EvidenceOfImpact = null,
    string? MeasureTitle = null);

public enum ActionStatus
{
    NotStarted,
    InProgress,
    Delayed,
    Completed,
}
