using Safeguarding.Gateway.Auth;

namespace Safeguarding.Gateway.Tests.Support;

/// <summary>Access policies for the test echo service (Unpoliced deliberately has none).</summary>
public static class TestPolicies
{
    public static RpcPolicySet Echo() => new("gatewaytest",
    [
        RpcPolicy.For(TestEchoService.Descriptor, "Echo", DataAccess.RowRead, Roles.Analyst, Roles.BoardMember, Roles.Auditor),
        RpcPolicy.For(TestEchoService.Descriptor, "Expand", DataAccess.RowRead, Roles.Analyst),
        RpcPolicy.For(TestEchoService.Descriptor, "Collect", DataAccess.RowWrite, Roles.Analyst),
        RpcPolicy.For(TestEchoService.Descriptor, "Chat", DataAccess.Export, Roles.Analyst),
    ]);
}
