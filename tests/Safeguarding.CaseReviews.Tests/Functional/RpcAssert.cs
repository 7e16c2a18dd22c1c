using Google.Rpc;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.CaseReviews.Tests.Functional;

internal static class RpcAssert
{
    /// <summary>The call fails with INVALID_ARGUMENT and a BadRequest naming <paramref name="field"/>.</summary>
    public static async Task<BadRequest> InvalidArgumentAsync(string field, Func<Task> call)
    {
        var ex = await FailsAsync(StatusCode.InvalidArgument, call);
        var badRequest = ex.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.True(badRequest.FieldViolations.Any(v => v.Field == field), $"expected a violation of '{field}', got: {string.Join("; ", badRequest.FieldViolations.Select(v => $"{v.Field}: {v.Description}"))}");
        return badRequest;
    }

    /// <summary>The call fails with NOT_FOUND and ResourceInfo of the given type.</summary>
    public static async Task<ResourceInfo> NotFoundAsync(string resourceType, Func<Task> call)
    {
        var ex = await FailsAsync(StatusCode.NotFound, call);
        var info = ex.GetDetail<ResourceInfo>();
        Assert.NotNull(info);
        Assert.Equal(resourceType, info.ResourceType);
        return info;
    }

    public static async Task<RpcException> FailsAsync(StatusCode code, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(ex.StatusCode == code, $"expected {code}, got {ex.StatusCode}: {ex.Status.Detail}");
        return ex;
    }
}

internal static class RpcAssertState
{
    /// <summary>The call fails with FAILED_PRECONDITION and a PreconditionFailure whose subject is <paramref name="field"/>.</summary>
    public static async Task FailedPreconditionAsync(string field, Func<Task> call)
    {
        var ex = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, call);
        var failure = ex.GetDetail<PreconditionFailure>();
        Assert.NotNull(failure);
        Assert.Contains(failure.Violations, v => v.Subject == field);
    }
}
