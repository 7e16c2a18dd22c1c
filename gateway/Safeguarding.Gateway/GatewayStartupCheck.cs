using Safeguarding.Gateway.Audit;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Registry;

namespace Safeguarding.Gateway;

/// <summary>
/// Builds the registry, the key source, the policy table and the audit trail at startup, so a bad
/// configuration stops the gateway at once instead of failing its first call.
/// </summary>
internal sealed class GatewayStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<OrganisationRegistry>();
        _ = services.GetRequiredService<ISigningKeySource>();
        _ = services.GetRequiredService<RpcPolicyTable>();
        _ = services.GetRequiredService<AuditTrail>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
