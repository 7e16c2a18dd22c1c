using Safeguarding.Measures.Application;
using Safeguarding.Measures.Domain;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Measures.Grpc;

/// <summary>The caller as the gateway vouches for it: user id, organisation and roles, if any.</summary>
public sealed record Caller(string? UserId, string? OrganisationCode, IReadOnlyList<string> Roles);

/// <summary>
/// Who is calling. The gateway authenticates the JWT and forwards the subject, organisation and roles as
/// metadata; this seam is where a service would validate tokens itself instead.
/// </summary>
public interface ICallerIdentity
{
    Caller Resolve(ServerCallContext context);
}

/// <summary>Reads <c>x-sg-user-id</c>, <c>x-sg-organisation</c> and <c>x-sg-roles</c> (comma-separated).</summary>
public sealed class MetadataCallerIdentity : ICallerIdentity
{
    public const string UserIdHeader = "x-sg-user-id";
    public const string OrganisationHeader = "x-sg-organisation";
    public const string RolesHeader = "x-sg-roles";

    public Caller Resolve(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.RequestHeaders;
        var roles = headers.GetValue(RolesHeader) is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        return new Caller(NullIfEmpty(headers.GetValue(UserIdHeader)), NullIfEmpty(headers.GetValue(OrganisationHeader)), roles);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal static class CallerIdentityExtensions
{
    /// <summary>The actor of a write, acting for the call's target organisation if any: UNAUTHENTICATED without a well-formed user id.</summary>
    public static Actor RequireActor(this ICallerIdentity identity, ServerCallContext context)
    {
        var caller = identity.Resolve(context);
        if (!Text.IsUserId(caller.UserId))
        {
            throw new RpcException(StatusCode.Unauthenticated, $"A write needs the caller's user id ({MetadataCallerIdentity.UserIdHeader}, set by the gateway).");
        }

        return new Actor(caller.UserId!, Text.IsOrganisationCode(caller.OrganisationCode) ? caller.OrganisationCode : null, TargetOrganisation.From(context)?.Code);
    }
}
