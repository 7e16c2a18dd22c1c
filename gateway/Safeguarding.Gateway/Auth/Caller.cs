namespace Safeguarding.Gateway.Auth;

/// <summary>Who is calling, from a validated token: a user id, their organisation's code and their known roles.</summary>
public sealed record Caller(string UserId, string OrganisationCode, IReadOnlySet<string> Roles)
{
    public bool HasAnyRole(IEnumerable<string> roles) => roles.Any(Roles.Contains);
}
