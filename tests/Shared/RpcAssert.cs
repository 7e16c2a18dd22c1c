using Google.Rpc;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Xunit;

namespace Safeguarding.Testing;

/// <summary>
/// Assertions on failed gRPC calls and their google.rpc details, shared by the services' functional tests (linked
/// into each test project, so the services' test code states what it expects, not how to dig it out).
/// </summary>
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

    /// <summary>The call fails with FAILED_PRECONDITION and a PreconditionFailure violation of <paramref name="type"/>.</summary>
    public static Task<PreconditionFailure> FailedPreconditionOfTypeAsync(string type, Func<Task> call) =>
        FailedPreconditionAsync(v => v.Type == type, $"of type '{type}'", call);

    /// <summary>The call fails with FAILED_PRECONDITION and a PreconditionFailure violation about <paramref name="subject"/>.</summary>
    public static Task<PreconditionFailure> FailedPreconditionOnAsync(string subject, Func<Task> call) =>
        FailedPreconditionAsync(v => v.Subject == subject, $"about '{subject}'", call);

    public static async Task<RpcException> FailsAsync(StatusCode code, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(ex.StatusCode == code, $"expected {code}, got {ex.StatusCode}: {ex.Status.Detail}");
        return ex;
    }

    private static async Task<PreconditionFailure> FailedPreconditionAsync(Func<PreconditionFailure.Types.Violation, bool> match, string expected, Func<Task> call)
    {
        var ex = await FailsAsync(StatusCode.FailedPrecondition, call);
        var failure = ex.GetDetail<PreconditionFailure>();
        Assert.NotNull(failure);
        Assert.True(failure.Violations.Any(match), $"expected a violation {expected}, got: {string.Join("; ", failure.Violations.Select(v => $"{v.Type} {v.Subject}"))}");
        return failure;
    }
}
