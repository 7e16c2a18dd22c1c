using Safeguarding.GatewayTest.V1;
using Safeguarding.Gateway.Auth;

namespace Safeguarding.Gateway.Tests.Support;

/// <summary>Access policies for the test echo service (Unpoliced deliberately has none).</summary>
public static class TestPolicies
{
    public static RpcPolicySet Echo() => new("gatewaytest",
    [
        RpcPolicy.For(EchoService.Descriptor, "Echo", DataAccess.RowRead, Roles.Analyst, Roles.BoardMember, Roles.Auditor),
        RpcPolicy.For(EchoService.Descriptor, "Expand", DataAccess.RowRead, Roles.Analyst),
        RpcPolicy.For(EchoService.Descriptor, "Collect", DataAccess.RowWrite, Roles.Analyst),
        RpcPolicy.For(EchoService.Descriptor, "Chat", DataAccess.Export, Roles.Analyst),
    ]);
}
