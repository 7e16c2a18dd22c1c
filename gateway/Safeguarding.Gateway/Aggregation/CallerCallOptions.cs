using Grpc.Core;
using Safeguarding.Gateway.Auth;

namespace Safeguarding.Gateway.Aggregation;

/// <summary>The options of one fan-out call to an instance: as the caller (token, target and grant) within the call's budget.</summary>
public static class CallerCallOptions
{
    public static CallOptions For(GatewayCall call, string target, AuthOptions auth, CallBudget budget)
    {
        var headers = new Metadata();
        foreach (var (name, value) in IdentityHeaders.For(call, target, auth))
        {
            headers.Add(name, value);
        }

        return new CallOptions(headers, budget.Deadline, budget.CancellationToken);
    }
}
