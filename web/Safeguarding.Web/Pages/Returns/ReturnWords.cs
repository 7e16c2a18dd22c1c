using Safeguarding.Measures.V1;

namespace Safeguarding.Web.Pages.Returns;

/// <summary>A return's state, timeliness and violations in words, each with a tag that repeats the words (never colour alone).</summary>
public static class ReturnWords
{
    public static string State(ReturnState state) => state switch
    {
        ReturnState.Open => "Open",
        ReturnState.Submitted => "Submitted",
        ReturnState.Approved => "Approved",
        ReturnState.Accepted => "Accepted",
        ReturnState.Waived => "Waived",
        _ => "Not started",
    };

    public static string Timeliness(ReturnTimeliness timeliness) => timeliness switch
    {
        ReturnTimeliness.NotYetDue => "Not yet due",
        ReturnTimeliness.OnTime => "On time",
        ReturnTimeliness.Late => "Late",
        ReturnTimeliness.Missing => "Missing",
        ReturnTimeliness.Waived => "Waived",
        _ => "Not known",
    };

    public static string TimelinessTag(ReturnTimeliness timeliness) => timeliness switch
    {
        ReturnTimeliness.OnTime => "govuk-tag--green",
        ReturnTimeliness.Late => "govuk-tag--orange",
        ReturnTimeliness.Missing => "govuk-tag--red",
        ReturnTimeliness.Waived => "govuk-tag--grey",
        _ => "govuk-tag--blue",
    };

    public static string Violation(ViolationStatus status) => status switch
    {
        ViolationStatus.Open => "Not explained",
        ViolationStatus.Explained => "Explained",
        ViolationStatus.Accepted => "Accepted",
        ViolationStatus.Corrected => "Corrected",
        _ => "Not known",
    };

    /// <summary>Whether a partnership may still approve a return in this state.</summary>
    public static bool Approvable(Return item) => item.State == ReturnState.Submitted;

    /// <summary>Whether a return in this state can be sent back to open.</summary>
    public static bool Reopenable(Return item) => item.State is ReturnState.Submitted or ReturnState.Approved or ReturnState.Accepted or ReturnState.Waived;
}
