using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Reporting.Grpc;

/// <summary>
/// Who is acting in reporting: the user id and roles of the caller whose bearer token this service validated
/// itself (the platform's <see cref="CallerContext"/>), never a header it cannot verify.
/// </summary>
internal sealed record Actor(string UserId, IReadOnlySet<string> Roles)
{
    public const string BoardMember = "board-member";
    public const string Analyst = "analyst";
    public const string Operator = "operator";

    public static Actor From(ServerCallContext context)
    {
        var verified = context.GetCaller();
        if (verified.UserId.Length > 128 || verified.UserId.Any(char.IsControl))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "The token's subject is not a user id this service can record."));
        }

        return new Actor(verified.UserId, verified.Roles);
    }

    /// <summary>PERMISSION_DENIED unless the caller has one of <paramref name="roles"/>.</summary>
    public Actor Require(params string[] roles)
    {
        if (!roles.Any(Roles.Contains))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "This needs the role " + string.Join(" or ", roles) + "."));
        }

        return this;
    }
}
