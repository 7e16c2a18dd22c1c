using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Bench.ReportRender;

/// <summary>
/// Who the rebuild bench calls the reporting service as: an operator (RebuildReadModels needs the role) with a
/// development token signed with the key the service is configured with (<see cref="Settings"/>).
/// </summary>
internal static class BenchCaller
{
    public const string DevelopmentKey = "reporting-bench-development-key-0123456789abcdef";

    /// <summary>The service's Auth:* settings.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings => [new("Auth:DevelopmentKey", DevelopmentKey)];

    /// <summary>Call options with a fresh operator token and a deadline <paramref name="timeout"/> away.</summary>
    public static CallOptions Operator(TimeSpan timeout) =>
        new(DevelopmentTokens.Headers(DevelopmentKey, "bench-operator", "platform", ["operator"]), DateTime.UtcNow + timeout);
}
