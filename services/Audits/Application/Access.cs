using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Audits.Application;

/// <summary>
/// Who is acting and for which organisation, as the platform settled it from the verified token: the user id
/// recorded on writes and the target organisation every record is checked against.
/// </summary>
public sealed record Access(string UserId, TargetOrganisation Target)
{
    /// <summary>
    /// Whether the caller acts for its own organisation (or is a platform job). A caller acting for another one holds
    /// the gateway's grant to read it from outside (its partnership, say): aggregates with small numbers suppressed only.
    /// </summary>
    public bool Inside => Target.IsCallersOwn || Target.IsUnrestricted;

    /// <summary>Throws unless the caller is <see cref="Inside"/>: row-level audit data never leaves its organisation.</summary>
    public void RequireInside(string resource)
    {
        if (!Inside)
        {
            throw new Domain.AuditOutsideException(resource);
        }
    }

    /// <summary>Whether <paramref name="organisationCode"/> is the organisation this call is for.</summary>
    public bool Owns(string? organisationCode) => Target.Is(organisationCode);

    public static Access From(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = context.GetCaller();
        if (!caller.Recordable)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, Caller.NotRecordableMessage));
        }

        return new Access(caller.UserId, TargetOrganisation.From(context));
    }

    /// <summary>The organisation a request names, or the target when it names none; PERMISSION_DENIED for another.</summary>
    public string OrganisationFor(string field, string? requested)
    {
        Target.Require(field, requested);
        return string.IsNullOrWhiteSpace(requested) ? Target.Code : requested.Trim();
    }
}
