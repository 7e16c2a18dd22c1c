using System.Diagnostics.Metrics;

namespace Safeguarding.Gateway;

/// <summary>The gateway's meter. Labels are fixed reasons and statuses only: never users, organisations or content.</summary>
internal static class GatewayTelemetry
{
    public const string Name = "Safeguarding.Gateway";

    private static readonly Meter Meter = new(Name);

    /// <summary>Calls refused at the front door or by organisation scope, by reason.</summary>
    public static readonly Counter<long> Refused = Meter.CreateCounter<long>("gateway.calls.refused", description: "Calls the gateway refused, by reason.");

    /// <summary>Per-organisation outcomes of fanned-out queries, by status.</summary>
    public static readonly Counter<long> FanOutOutcomes = Meter.CreateCounter<long>("gateway.fanout.outcomes", description: "Outcomes of fanned-out calls, by status.");
}
