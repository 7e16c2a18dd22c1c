using Safeguarding.Platform.Grpc;
using Microsoft.Extensions.Primitives;

namespace Safeguarding.Gateway.Auth;

/// <summary>
/// What the gateway passes on to services. It removes every x-sg-* header a client sends (the one a client may
/// set, <see cref="TargetOrganisation"/>, is read first and re-sent checked); services trust nothing of it they
/// cannot verify: the caller comes from the forwarded token, a foreign target only with a signed grant.
/// </summary>
public static class IdentityHeaders
{
    public const string Prefix = "x-sg-";

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

    /// <summary>
    /// What a service receives for a call on behalf of <paramref name="call"/>'s caller about <paramref name="target"/>:
    /// the caller's own bearer token (every service validates it itself), the target, and — when the target is not
    /// the caller's own organisation — the gateway's signed grant that its policy allowed it (<see cref="TargetGrant"/>).
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> For(GatewayCall call, string target, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(options);
        if (call is not { Caller: { } caller, BearerToken: { } token })
        {
            yield break;
        }

        yield return new("authorization", "Bearer " + token);
        yield return new(TargetOrganisation, target);
        if (!string.Equals(target, caller.OrganisationCode, StringComparison.OrdinalIgnoreCase) && options.EffectiveGrantKey is { } key)
        {
            yield return new(TargetGrant.Header, TargetGrant.Mint(key, token, caller.UserId, target, GrantLifetime));
        }
    }

    // Long enough for a slow upstream to start the call, short enough that a copied grant is soon useless.
    private static readonly TimeSpan GrantLifetime = TimeSpan.FromMinutes(2);
}
