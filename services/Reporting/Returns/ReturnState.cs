namespace Safeguarding.Reporting.Returns;

/// <summary>Where a return stands, as the measures service's return events tell it (no row: open).</summary>
public enum ReturnState
{
    Open = 0,
    Submitted = 1,
    Approved = 2,
    Accepted = 3,
    Waived = 4,
}
