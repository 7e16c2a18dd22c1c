using Microsoft.Extensions.Primitives;

namespace Safeguarding.Gateway.Auth;

/// <summary>
/// The identity the gateway vouches for, sent to services as metadata. Services trust these headers
/// only because the gateway is their only caller and removes every x-sg-* header a client sends
/// (the one a client may set, <see cref="TargetOrganisation"/>, is read first and re-sent checked).
/// </summary>
public static class IdentityHeaders
{
    public const string Prefix = "x-sg-";
    public const string UserId = "x-sg-user-id";
    public const string Organisation = "x-sg-organisation";
    public const string Roles = "x-sg-roles";

    /// <summary>The organisation a call is for (defaults to the caller's own); needed where instances are shared.</summary>
    public const string TargetOrganisation = "x-sg-target-organisation";

    /// <summary>Reads the requested target organisation, then removes every x-sg-* header.</summary>
    public static string? TakeTargetAndStrip(IHeaderDictionary headers)
    {
        var target = headers.TryGetValue(TargetOrganisation, out var value) && !StringValues.IsNullOrEmpty(value) ? value.ToString().Trim() : null;
        foreach (var name in headers.Keys.Where(k => k.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            headers.Remove(name);
        }

        return target;
    }

    /// <summary>The headers a service receives for a call by <paramref name="caller"/> about <paramref name="target"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> For(Caller caller, string target) =>
    [
        new(UserId, caller.UserId),
        new(Organisation, caller.OrganisationCode),
        new(Roles, string.Join(',', caller.Roles.Order(StringComparer.Ordinal))),
        new(TargetOrganisation, target),
    ];
}
