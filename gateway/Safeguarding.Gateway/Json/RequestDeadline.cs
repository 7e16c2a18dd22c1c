using System.Globalization;
using Grpc.Core;
using Safeguarding.Gateway.Routing;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Json;

/// <summary>
/// The deadline a JSON caller may set: <c>grpc-timeout</c> (gRPC's form, e.g. "5S") or
/// <c>X-Request-Timeout</c> in seconds (e.g. "2.5"); the earlier wins. Without either the call has no
/// deadline of its own and the gateway behaves as it does for a gRPC call without one.
/// </summary>
internal static class RequestDeadline
{
    public const string GrpcTimeoutHeader = "grpc-timeout";
    public const string TimeoutHeader = "X-Request-Timeout";

    // Longer than this is no deadline in practice; clamping keeps DateTime arithmetic in range.
    private static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    public static (DateTime? Deadline, JsonRejection? Rejection) Read(IHeaderDictionary headers)
    {
        TimeSpan? timeout = null;
        var grpc = headers[GrpcTimeoutHeader].ToString();
        if (grpc.Length > 0)
        {
            if (!GrpcTimeout.TryParse(grpc, out var parsed))
            {
                return (null, JsonRejection.BadField(GrpcTimeoutHeader, "Not a gRPC timeout (digits and a unit, e.g. \"5S\" or \"500m\")."));
            }

            timeout = parsed;
        }

        var seconds = headers[TimeoutHeader].ToString();
        if (seconds.Length > 0)
        {
            if (!double.TryParse(seconds, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0 || double.IsInfinity(value))
            {
                return (null, JsonRejection.BadField(TimeoutHeader, "Not a number of seconds greater than zero (e.g. \"2.5\")."));
            }

            var parsed = value >= Longest.TotalSeconds ? Longest : TimeSpan.FromSeconds(value);
            timeout = timeout is { } other && other < parsed ? other : parsed;
        }

        return timeout is { } chosen ? (DateTime.UtcNow + (chosen < Longest ? chosen : Longest), null) : (null, null);
    }
}
