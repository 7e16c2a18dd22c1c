using Grpc.Core;
using Safeguarding.Measures.Application;
using Safeguarding.Measures.Domain;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Measures.Grpc;

internal static class CallerIdentityExtensions
{
    /// <summary>
    /// The actor of a write, from the caller's verified token, acting for the call's target organisation (none for a
    /// platform job, which may change any organisation's records): UNAUTHENTICATED without a well-formed user id.
    /// </summary>
    public static Actor RequireActor(this ServerCallContext context)
    {
        var caller = context.GetCaller();
        if (!Text.IsUserId(caller.UserId))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "A write needs a user id the service can record; the token's subject is not one."));
        }

        var target = TargetOrganisation.From(context);
        return new Actor(
            caller.UserId,
            Text.IsOrganisationCode(caller.OrganisationCode) ? caller.OrganisationCode : null,
            target.IsUnrestricted ? null : target.Code);
    }
}
