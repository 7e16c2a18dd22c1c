namespace Safeguarding.Gateway.Auth;

/// <summary>The platform's roles (DESIGN §4), as they appear in the token's roles claim.</summary>
public static class Roles
{
    public const string Analyst = "analyst";
    public const string Auditor = "auditor";
    public const string SurveyAdmin = "survey-admin";
    public const string ReviewCoordinator = "review-coordinator";
    public const string BoardMember = "board-member";
    public const string RegionAnalyst = "region-analyst";
    public const string Operator = "operator";

    /// <summary>Every role, for policies open to anyone signed in.</summary>
    public static readonly IReadOnlyList<string> All = [Analyst, Auditor, SurveyAdmin, ReviewCoordinator, BoardMember, RegionAnalyst, Operator];

    /// <summary>Roles that work with an organisation's own data.</summary>
    public static readonly IReadOnlyList<string> DataRoles = [Analyst, Auditor, SurveyAdmin, ReviewCoordinator, BoardMember];

    /// <summary>Whether a claim value names a known role.</summary>
    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
