namespace Safeguarding.Gateway.Audit;

internal static partial class AuditLog
{
    // The audit trail's own log line: staff user id, organisation codes, RPC and resource ids only.
    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Audit: user {UserId} of {UserOrganisation} {Action} via {Rpc} on {TargetOrganisation} resources [{ResourceIds}]: {Outcome}.")]
    public static partial void Recorded(ILogger logger, string userId, string userOrganisation, AuditAction action, string rpc, string targetOrganisation, IReadOnlyList<string> resourceIds, AuditOutcome outcome);

    [LoggerMessage(EventId = 401, Level = LogLevel.Error, Message = "Audit record could not be stored ({ExceptionType}); the call was refused.")]
    public static partial void StoreFailed(ILogger logger, string exceptionType);
}
