using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Tests.Support;
using Safeguarding.GatewayTest.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Tests.Routing;

/// <summary>
/// The matrix through a real gateway: every routed test RPC × every role × the caller's own organisation
/// and two others (same partnership, not shared; another partnership, shared with its partnership).
/// </summary>
public sealed class AuthorizationEndToEndTests(ForwardingFixture fixture) : IClassFixture<ForwardingFixture>
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var rpc in new[] { "Echo", "Expand", "Collect", "Chat", "Unpoliced" })
        {
            foreach (var role in Roles.All)
            {
                data.Add(rpc, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Own_organisation_by_policy_and_every_other_organisation_denied(string rpc, string role)
    {
        var token = TestTokens.For($"user-{role}", "camden-csc", role);
        var policy = TestPolicies.Echo().Policies.SingleOrDefault(p => p.Path.EndsWith("/" + rpc, StringComparison.Ordinal));
        var mayCall = policy is not null && policy.Roles.Contains(role);

        Assert.Equal(mayCall ? StatusCode.OK : StatusCode.PermissionDenied, await CallAsync(rpc, token, target: null));
        Assert.Equal(mayCall ? StatusCode.OK : StatusCode.PermissionDenied, await CallAsync(rpc, token, target: "camden-csc-north"));
        Assert.Equal(StatusCode.PermissionDenied, await CallAsync(rpc, token, target: "camden-police"));
        Assert.Equal(StatusCode.PermissionDenied, await CallAsync(rpc, token, target: "islington-csc"));
        Assert.Equal(StatusCode.PermissionDenied, await CallAsync(rpc, token, target: "camden"));
    }

    private async Task<StatusCode> CallAsync(string rpc, string token, string? target)
    {
        var channel = fixture.Gateway.Channel;
        var options = GatewayHost.As(token, target);
        try
        {
            switch (rpc)
            {
                case "Echo":
                    await channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), options);
                    break;
                case "Unpoliced":
                    await channel.UnaryCall(GatewayHost.Unpoliced, new EchoRequest(), options);
                    break;
                case "Expand":
                    using (var call = channel.ServerStreamingCall(GatewayHost.Expand, new EchoRequest { Count = 1 }, options))
                    {
                        await foreach (var _ in call.ResponseStream.ReadAllAsync())
                        {
                        }
                    }

                    break;
                case "Collect":
                    using (var call = channel.ClientStreamingCall(GatewayHost.Collect, options))
                    {
                        await WriteOneAsync(call.RequestStream);
                        await call;
                    }

                    break;
                default:
                    using (var call = channel.DuplexStreamingCall(GatewayHost.Chat, options))
                    {
                        await WriteOneAsync(call.RequestStream);
                        await foreach (var _ in call.ResponseStream.ReadAllAsync())
                        {
                        }
                    }

                    break;
            }

            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    private static async Task WriteOneAsync(IClientStreamWriter<EchoRequest> requests)
    {
        try
        {
            await requests.WriteAsync(new EchoRequest { Text = "x" });
        }
        catch (Exception ex) when (ex is RpcException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The gateway may refuse before the message is sent (the client layer then reports the
            // aborted request body, sometimes as a cancellation); the call's status says why.
        }

        await requests.CompleteAsync();
    }
}
