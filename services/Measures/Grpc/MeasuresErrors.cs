using Safeguarding.Measures.Application;
using Safeguarding.Measures.Application.Importing;
using Safeguarding.Measures.Application.Returns;
using Grpc.Core;
using Safeguarding.Measures.Domain;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Measures.Grpc;

/// <summary>
/// Turns what the measures service throws into gRPC statuses with rich details: domain
/// validation → INVALID_ARGUMENT naming every field; not found → NOT_FOUND; conflicts → ALREADY_EXISTS;
/// stale state → FAILED_PRECONDITION. Anything else stays INTERNAL without internals in the message.
/// </summary>
internal sealed class MeasuresErrors : IRpcExceptionMapper
{
    public RpcException? Map(Exception exception) => Translate(exception);

    /// <summary>Throws INVALID_ARGUMENT when problems were found while reading a request.</summary>
    public static void ThrowIfAny(ValidationProblems problems)
    {
        if (problems.Any)
        {
            throw InvalidArgument(problems.Items);
        }
    }

    private static RpcException? Translate(Exception ex) => ex switch
    {
        DomainValidationException { Problems.Count: > 0 } invalid => InvalidArgument(invalid.Problems),
        DomainValidationException invalid => RpcErrors.InvalidArgument("request", invalid.Message),
        ResourceNotFoundException missing => RpcErrors.NotFound(missing.ResourceType, missing.ResourceName),
        ResourceConflictException conflict => RpcErrors.WithDetails(StatusCode.AlreadyExists, conflict.Message,
            new Google.Rpc.ResourceInfo { ResourceType = conflict.ResourceType, ResourceName = conflict.ResourceName, Description = conflict.Message }),
        ReturnStepNotAllowedException refused => RpcErrors.WithDetails(StatusCode.PermissionDenied, $"{refused.Field}: {refused.Message}",
            new Google.Rpc.ErrorInfo { Reason = "RETURN_STEP_NOT_ALLOWED", Domain = "safeguarding", Metadata = { ["field"] = refused.Field } }),
        PreconditionFailedException stale => RpcErrors.FailedPrecondition(stale.Type, stale.Subject, stale.Message),
        ImportStoppedException { InnerException: { } inner } stopped when Translate(inner) is { } cause =>
            WithMessage(cause, $"{cause.Status.Detail} ({stopped.Message})"),
        ImportStoppedException stopped => new RpcException(new Status(StatusCode.Aborted, $"{stopped.Message} Run it again: what is stored is skipped.")),
        _ => null,
    };

    // The cause's status and details under a message that also says where the import stopped.
    private static RpcException WithMessage(RpcException cause, string message) =>
        cause.GetRpcStatus() is { } details
            ? new Google.Rpc.Status { Code = details.Code, Message = message, Details = { details.Details } }.ToRpcException()
            : new RpcException(new Status(cause.StatusCode, message));

    private static RpcException InvalidArgument(IReadOnlyList<ValidationProblem> problems) =>
        RpcErrors.InvalidArgument([.. problems.Select(p => new FieldProblem(p.Field, p.Description))]);
}
