using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Measures.Tests.Functional;

/// <summary>Call options as the gateway would send them: the caller's user id and organisation as metadata.</summary>
internal static class Calls
{
    public static CallOptions As(string userId = "analyst-1", string? organisation = null)
    {
        var headers = new Metadata().Add("x-sg-user-id", userId);
        if (organisation is not null)
        {
            headers.Add("x-sg-organisation", organisation);
        }

        return new CallOptions { Headers = headers, Deadline = DateTime.UtcNow.AddMinutes(2) };
    }

    public static CallOptions Anonymous() => new() { Deadline = DateTime.UtcNow.AddMinutes(1) };

    /// <summary>A fresh measure id, so tests sharing a database never meet.</summary>
    public static string NewMeasureId(string prefix = "test") => $"{prefix}.m{Guid.NewGuid():N}";
}
