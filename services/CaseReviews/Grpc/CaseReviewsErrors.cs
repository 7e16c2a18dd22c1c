using Grpc.Core;
using Safeguarding.CaseReviews.Application;
using Safeguarding.CaseReviews.Domain;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.CaseReviews.Grpc;

/// <summary>
/// The service's exceptions as statuses: a wrong field → INVALID_ARGUMENT with a BadRequest naming it; a step the
/// review's state does not allow → FAILED_PRECONDITION with a PreconditionFailure naming it; a review that is not
/// the caller's → NOT_FOUND (the same words whether it is missing or another partnership's).
/// </summary>
internal sealed class CaseReviewsErrors : IRpcExceptionMapper
{
    public RpcException? Map(Exception exception) => exception switch
    {
        InvalidFieldException invalid => RpcErrors.InvalidArgument(invalid.Field, invalid.Problem),
        StateConflictException state => RpcErrors.FailedPrecondition("STATE", state.Field, $"{state.Field}: {state.Problem}"),
        ReviewNotFoundException missing => RpcErrors.NotFound("case review", missing.ReviewId),
        _ => null,
    };
}
