using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Safeguarding.Bench.Gateway;

/// <summary>
/// Models the network between the London Board's gateway and an agency-hosted instance: every request
/// the instance receives waits this long first (one round trip). On one machine the 33 "remote" instances
/// otherwise share the gateway's cores and look like a CPU benchmark, not a fan-out one.
/// </summary>
internal sealed class NetworkLatency(TimeSpan delay) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            await Task.Delay(delay, context.RequestAborted);
            await following(context);
        });
        next(app);
    };
}
