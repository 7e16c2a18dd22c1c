using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// The gRPC layer's ActivitySource and Meter, with attribute names from the OpenTelemetry RPC
/// semantic conventions. Labels are service, method and status only: never message content.
/// </summary>
public static class GrpcTelemetry
{
    /// <summary>Name of the ActivitySource and Meter.</summary>
    public const string Name = "Safeguarding.Grpc";

    internal const string SystemTag = "rpc.system";
    internal const string ServiceTag = "rpc.service";
    internal const string MethodTag = "rpc.method";
    internal const string StatusCodeTag = "rpc.grpc.status_code";

    internal static readonly ActivitySource Source = new(Name);
    internal static readonly Meter Meter = new(Name);

    internal static readonly Histogram<double> ServerDuration = Meter.CreateHistogram<double>(
        "rpc.server.duration", unit: "ms", description: "Duration of inbound RPCs.");

    internal static readonly Histogram<double> ClientDuration = Meter.CreateHistogram<double>(
        "rpc.client.duration", unit: "ms", description: "Duration of outbound RPCs.");

    /// <summary>Tags an activity (usually ASP.NET Core's request activity) as an RPC.</summary>
    internal static void TagRpc(Activity? activity, string service, string method)
    {
        if (activity is null)
        {
            return;
        }

        activity.DisplayName = $"{service}/{method}";
        activity.SetTag(SystemTag, "grpc");
        activity.SetTag(ServiceTag, service);
        activity.SetTag(MethodTag, method);
    }

    internal static TagList Tags(string service, string method, StatusCode code) => new()
    {
        { SystemTag, "grpc" },
        { ServiceTag, service },
        { MethodTag, method },
        { StatusCodeTag, (int)code },
    };
}
