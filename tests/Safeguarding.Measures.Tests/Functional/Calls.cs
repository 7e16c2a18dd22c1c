using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Measures.Tests.Functional;

/// <summary>
/// Call options with a development token the service validates itself. By default a platform job's token (the
/// fixture's Auth:JobRole), which may name any organisation, as these tests exercise the API rather than who may
/// call it; <see cref="AsMemberOf"/> gives an ordinary member of one organisation.
/// </summary>
internal static class Calls
{
    public const string DevelopmentKey = "measures-tests-development-key-0123456789abcdef";
    public const string JobRole = "platform-job";

    public static CallOptions As(string userId = "analyst-1", string? organisation = null) =>
        new(DevelopmentTokens.Headers(DevelopmentKey, userId, organisation ?? "NB-LSCP", ["analyst", JobRole]), DateTime.UtcNow.AddMinutes(2));

    /// <summary>An ordinary member of <paramref name="organisation"/>, optionally acting for <paramref name="target"/> with a gateway grant.</summary>
    public static CallOptions AsMemberOf(string organisation, string? target = null, string userId = "analyst-1") =>
        new(DevelopmentTokens.Headers(DevelopmentKey, userId, organisation, ["analyst"], target), DateTime.UtcNow.AddMinutes(2));

    public static CallOptions Anonymous() => new(new Metadata { { DefaultToken.NoTokenHeader, "1" } }, DateTime.UtcNow.AddMinutes(1));

    /// <summary>A fresh measure id, so tests sharing a database never meet.</summary>
    public static string NewMeasureId(string prefix = "test") => $"{prefix}.m{Guid.NewGuid():N}";
}
