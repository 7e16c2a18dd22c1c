namespace Safeguarding.Measures.Domain;

/// <summary>
/// Where a return (organisation × dataset × period) stands: open → submitted → approved (by the partnership) →
/// accepted (by the region); waived (nothing expected, with a reason) instead of submitted. A return nobody has
/// touched is open. Reopening sends it back to open.
/// </summary>
public enum ReturnState
{
    Open,
    Submitted,
    Approved,
    Accepted,
    Waived,
}

public static class ReturnStates
{
    /// <summary>Approved or accepted: its figures are signed off and locked until it is reopened.</summary>
    public static bool IsLocked(this ReturnState state) => state is ReturnState.Approved or ReturnState.Accepted;

    /// <summary>Whether a partnership may approve above a return in this state (submitted or further, or waived).</summary>
    public static bool IsReadyForApprovalAbove(this ReturnState state) => state is not ReturnState.Open;
}
