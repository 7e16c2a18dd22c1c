using Safeguarding.Platform.Grpc;
using Safeguarding.Surveys.Domain;
using Grpc.Core;

namespace Safeguarding.Surveys.Grpc;

/// <summary>
/// What the surveys service throws, as statuses: validation → INVALID_ARGUMENT with every field (or XLSForm cell)
/// at fault; not found → NOT_FOUND; state (a closed wave, a used code, a reviewed story) → FAILED_PRECONDITION.
/// </summary>
internal sealed class SurveysErrors : IRpcExceptionMapper
{
    public RpcException? Map(Exception exception) => exception switch
    {
        DomainValidationException { Problems.Count: > 0 } invalid => RpcErrors.InvalidArgument([.. invalid.Problems.Select(p => new FieldProblem(p.Field, p.Description))]),
        ResourceNotFoundException missing => RpcErrors.NotFound(missing.ResourceType, missing.ResourceName),
        PreconditionFailedException state => RpcErrors.FailedPrecondition(state.Type, state.Subject, state.Message),
        _ => null,
    };
}
