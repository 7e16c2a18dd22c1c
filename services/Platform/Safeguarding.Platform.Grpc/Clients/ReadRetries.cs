using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client.Configuration;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// A channel's retry policy: reads (RPCs named Get…, List…, Check, Watch aside) are retried on UNAVAILABLE, a few
/// times with backoff, inside the call's own deadline; writes never are, so nothing is recorded twice.
/// </summary>
public static class ReadRetries
{
    private static readonly string[] ReadPrefixes = ["Get", "List", "Aggregate", "Compare", "Check"];

    /// <summary>Whether an RPC only reads, by the platform's naming rule (AIP: Get/List; Aggregate/Compare compute).</summary>
    public static bool IsRead(MethodDescriptor method) =>
        !method.IsClientStreaming && !method.IsServerStreaming && ReadPrefixes.Any(p => method.Name.StartsWith(p, StringComparison.Ordinal));

    /// <summary>A service config that retries the read RPCs of <paramref name="services"/>.</summary>
    public static ServiceConfig ServiceConfig(params ServiceDescriptor[] services)
    {
        var reads = new MethodConfig
        {
            RetryPolicy = new RetryPolicy
            {
                MaxAttempts = 3,
                InitialBackoff = TimeSpan.FromMilliseconds(100),
                MaxBackoff = TimeSpan.FromSeconds(1),
                BackoffMultiplier = 2,
                RetryableStatusCodes = { StatusCode.Unavailable },
            },
        };
        foreach (var method in services.SelectMany(s => s.Methods).Where(IsRead))
        {
            reads.Names.Add(new MethodName { Service = method.Service.FullName, Method = method.Name });
        }

        return new ServiceConfig { MethodConfigs = { reads } };
    }
}
