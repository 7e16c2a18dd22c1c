using Safeguarding.Measures.Application;
using Safeguarding.Measures.Application.Importing;
using Safeguarding.Measures.Domain;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Measures.Grpc;

/// <summary>
/// Runs one RPC and turns what the service throws into gRPC statuses with rich details: domain
/// validation → INVALID_ARGUMENT naming every field; not found → NOT_FOUND; conflicts → ALREADY_EXISTS;
/// stale state → FAILED_PRECONDITION. Anything else stays INTERNAL without internals in the message.
/// </summary>
internal static class RpcCall
{
    public static async Task<T> Run<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (Translate(ex) is { } status)
        {
            throw status;
        }
    }

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
        PreconditionFailedException stale => RpcErrors.FailedPrecondition(stale.Type, stale.Subject, stale.Message),
        ImportStoppedException { InnerException: { } inner } stopped when Translate(inner) is { } cause =>
            new RpcException(new Status(cause.StatusCode, $"{cause.Status.Detail} ({stopped.Message})"), details: cause.Details),
        ImportStoppedException stopped => new RpcException(StatusCode.Aborted, $"{stopped.Message} Run it again: what is stored is skipped."),
        _ => null,
    };

    private static RpcException InvalidArgument(IReadOnlyList<ValidationProblem> problems) =>
        RpcErrors.InvalidArgument([.. problems.Select(p => new FieldProblem(p.Field, p.Description))]);
}
