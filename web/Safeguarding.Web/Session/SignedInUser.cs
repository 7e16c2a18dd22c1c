namespace Safeguarding.Web.Session;

/// <summary>
/// Who the browser signed in as, read from their token to choose what to show and which organisation to ask about.
/// Never an authority: the gateway verifies the token on every call and decides what may be seen.
/// </summary>
public sealed record SignedInUser(string Token, string UserId, string Organisation, IReadOnlySet<string> Roles, DateTimeOffset Expires)
{
    public bool Has(string role) => Roles.Contains(role);
}
