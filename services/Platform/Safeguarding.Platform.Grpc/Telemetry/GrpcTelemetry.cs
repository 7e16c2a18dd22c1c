using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
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

    // Boxed once: a status tag on every call would otherwise box an int per call.
    private static readonly object[] BoxedStatusCodes = [.. Enumerable.Range(0, 17).Select(code => (object)code)];

    /// <summary>Tags an activity (usually ASP.NET Core's request activity) as an RPC.</summary>
    internal static void TagRpc(Activity? activity, string service, string method)
    {
        if (!IsObserved(activity))
        {
            return;
        }

        activity.DisplayName = $"{service}/{method}";
        activity.SetTag(SystemTag, "grpc");
        activity.SetTag(ServiceTag, service);
        activity.SetTag(MethodTag, method);
    }

    /// <summary>Sets rpc.grpc.status_code on an activity that anyone records.</summary>
    internal static void TagStatus(Activity? activity, StatusCode code)
    {
        if (IsObserved(activity))
        {
            activity.SetTag(StatusCodeTag, (uint)code < BoxedStatusCodes.Length ? BoxedStatusCodes[(int)code] : (int)code);
        }
    }

    /// <summary>
    /// Whether tags on an activity reach anyone. ASP.NET Core also creates its request activity for
    /// log scopes alone, with no ActivitySource listener; tagging that one only costs allocations.
    /// </summary>
    private static bool IsObserved([NotNullWhen(true)] Activity? activity) =>
        activity is { IsAllDataRequested: true } && activity.Source.HasListeners();

    internal static TagList Tags(string service, string method, StatusCode code) => new()
    {
        { SystemTag, "grpc" },
        { ServiceTag, service },
        { MethodTag, method },
        { StatusCodeTag, (uint)code < BoxedStatusCodes.Length ? BoxedStatusCodes[(int)code] : (int)code },
    };
}
