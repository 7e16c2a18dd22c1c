using Google.Rpc;
using Grpc.Core;

namespace Safeguarding.Surveys.Tests.Functional;

internal static class Statuses
{
    public static async Task<RpcException> FailsWith<T>(StatusCode code, AsyncUnaryCall<T> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await call);
        Assert.True(code == ex.StatusCode, $"expected {code}, got {ex.StatusCode}: {ex.Status.Detail}");
        return ex;
    }

    /// <summary>The BadRequest field violations of an INVALID_ARGUMENT, as "field: description".</summary>
    public static List<string> Violations(RpcException ex) =>
        ex.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => $"{v.Field}: {v.Description}").ToList() ?? [];
}
