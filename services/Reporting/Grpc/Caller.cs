using Safeguarding.Platform.Grpc;

namespace Safeguarding.Reporting.Grpc;

/// <summary>
/// Who is calling, as the gateway says after authenticating them: <c>x-sg-user-id</c> (an opaque user id)
/// and <c>x-sg-roles</c> (comma-separated). The service trusts these headers only behind the gateway.
/// </summary>
internal sealed record Caller(string UserId, IReadOnlySet<string> Roles)
{
    public const string UserIdHeader = "x-sg-user-id";
    public const string RolesHeader = "x-sg-roles";

    public const string BoardMember = "board-member";
    public const string Analyst = "analyst";
    public const string Operator = "operator";

    public static Caller From(ServerCallContext context)
    {
        var userId = context.RequestHeaders.GetValue(UserIdHeader)?.Trim();
        if (string.IsNullOrEmpty(userId) || userId.Length > 128 || userId.Any(char.IsControl))
        {
            throw new RpcException(StatusCode.Unauthenticated, "The call has no user id (x-sg-user-id): it must come through the gateway.");
        }

        var roles = (context.RequestHeaders.GetValue(RolesHeader) ?? "")
            .Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);
        return new Caller(userId, roles);
    }

    /// <summary>PERMISSION_DENIED unless the caller has one of <paramref name="roles"/>.</summary>
    public Caller Require(params string[] roles)
    {
        if (!roles.Any(Roles.Contains))
        {
            throw new RpcException(StatusCode.PermissionDenied, "This needs the role " + string.Join(" or ", roles) + ".");
        }

        return this;
    }
}
