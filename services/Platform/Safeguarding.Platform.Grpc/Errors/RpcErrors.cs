using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// Builds the errors services throw, with google.rpc rich details so any client can tell which
/// field was wrong without parsing prose.
/// </summary>
public static class RpcErrors
{
    /// <summary>INVALID_ARGUMENT with one BadRequest field violation.</summary>
    public static RpcException InvalidArgument(string field, string description) =>
        InvalidArgument([new FieldProblem(field, description)]);

    /// <summary>INVALID_ARGUMENT with a BadRequest listing every field at fault.</summary>
    public static RpcException InvalidArgument(IReadOnlyCollection<FieldProblem> problems)
    {
        ArgumentOutOfRangeException.ThrowIfZero(problems.Count);
        var badRequest = new BadRequest();
        foreach (var problem in problems)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = problem.Field, Description = problem.Description });
        }

        var first = problems.First();
        var message = problems.Count == 1
            ? $"{first.Field}: {first.Description}"
            : $"{first.Field}: {first.Description} (and {problems.Count - 1} more)";
        return WithDetails(StatusCode.InvalidArgument, message, badRequest);
    }

    /// <summary>NOT_FOUND naming the kind and id of what was missing.</summary>
    public static RpcException NotFound(string resourceType, string resourceName) =>
        WithDetails(StatusCode.NotFound, $"{resourceType} '{resourceName}' was not found.",
            new ResourceInfo { ResourceType = resourceType, ResourceName = resourceName });

    /// <summary>FAILED_PRECONDITION with a typed violation.</summary>
    public static RpcException FailedPrecondition(string type, string subject, string description) =>
        WithDetails(StatusCode.FailedPrecondition, description,
            new PreconditionFailure { Violations = { new PreconditionFailure.Types.Violation { Type = type, Subject = subject, Description = description } } });

    /// <summary>Any status with one packed detail message.</summary>
    public static RpcException WithDetails(StatusCode code, string message, Google.Protobuf.IMessage detail)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(detail) } };
        return status.ToRpcException();
    }
}

/// <summary>A field of a request and what is wrong with it (field paths use proto names, e.g. "measure.unit").</summary>
public sealed record FieldProblem(string Field, string Description);
