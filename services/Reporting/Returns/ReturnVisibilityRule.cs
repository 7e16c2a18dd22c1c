using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Returns;

/// <summary>
/// Whether a report for one organisation may show another's figure under a dataset, given the state of that
/// organisation's return for the figure's period. The same rule the measures service applies to its own read paths
/// (ADR 0018): the partnership above sees a return once submitted (so it can approve it), the region once accepted,
/// anyone else once approved. A waived or open return shows nothing; an organisation always sees its own figures.
/// </summary>
internal static class ReturnVisibilityRule
{
    public static bool Visible(ReturnViewer viewer, ReturnOwner owner, ReturnState state)
    {
        if (string.Equals(viewer.Code, owner.Code, StringComparison.Ordinal))
        {
            return true;
        }

        return viewer.Kind switch
        {
            OrganisationKind.Region => state == ReturnState.Accepted,
            OrganisationKind.Partnership when string.Equals(owner.ParentCode, viewer.Code, StringComparison.Ordinal) =>
                state is ReturnState.Submitted or ReturnState.Approved or ReturnState.Accepted,
            _ => state is ReturnState.Approved or ReturnState.Accepted,
        };
    }

    /// <summary>What the report says of a return it holds figures back for: "is not yet submitted".</summary>
    public static string Wording(ReturnViewer viewer, ReturnOwner owner, ReturnState state) => state switch
    {
        ReturnState.Waived => "was waived",
        ReturnState.Open => "is not yet submitted",
        ReturnState.Submitted => "is not yet approved",
        _ when viewer.Kind == OrganisationKind.Region => "is not yet accepted by the region",
        _ => "is not yet approved",
    };
}

/// <summary>The organisation a report is for.</summary>
internal sealed record ReturnViewer(string Code, OrganisationKind Kind);

/// <summary>The organisation whose figures may be held back, and the partnership it sits under ("" when none).</summary>
internal sealed record ReturnOwner(string Code, string Name, string ParentCode);
