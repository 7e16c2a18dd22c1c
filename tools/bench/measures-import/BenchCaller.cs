using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Bench.MeasuresImport;

/// <summary>
/// Who the bench calls the service as: a platform job loading published data (Auth:JobRole), so an import may
/// name every organisation in the file, as it could before services verified their callers. The service is
/// configured with <see cref="Settings"/>; every call carries a development token signed with the same key.
/// </summary>
internal static class BenchCaller
{
    private const string DevelopmentKey = "measures-bench-development-key-0123456789abcdef";
    private const string JobRole = "platform-job";

    /// <summary>The service's Auth:* settings.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Auth:DevelopmentKey", DevelopmentKey),
        new("Auth:JobRole", JobRole),
    ];

    /// <summary>Call options with a fresh token of the London region's bench job and a deadline <paramref name="timeout"/> away.</summary>
    public static CallOptions Options(TimeSpan timeout) =>
        new(DevelopmentTokens.Headers(DevelopmentKey, "bench", "E12000007", [JobRole]), DateTime.UtcNow + timeout);
}
