using Google.Rpc;
using Grpc.Core;
using Safeguarding.Audits.Domain;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Audits.Grpc;

/// <summary>
/// What the audits service throws, as gRPC statuses with details: validation → INVALID_ARGUMENT naming every
/// field; missing (or another organisation's) → NOT_FOUND; state → FAILED_PRECONDITION with a typed violation.
/// </summary>
internal sealed class AuditsErrors : IRpcExceptionMapper
{
    public RpcException? Map(Exception exception) => exception switch
    {
        AuditValidationException invalid => RpcErrors.InvalidArgument([.. invalid.Problems]),
        AuditNotFoundException missing => RpcErrors.NotFound(missing.ResourceType, missing.ResourceName),
        AuditStateException state => RpcErrors.FailedPrecondition(state.Type, state.Subject, state.Message),
        AuditOutsideException outside => RpcErrors.WithDetails(
            StatusCode.PermissionDenied, outside.Message, new ErrorInfo { Reason = AuditOutsideException.Reason, Domain = "safeguarding" }),
        _ => null,
    };
}
