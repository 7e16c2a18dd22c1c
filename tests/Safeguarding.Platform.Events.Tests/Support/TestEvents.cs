using System.Text.Json;

namespace Safeguarding.Platform.Events.Tests.Support;

/// <summary>CloudEvents with arbitrary JSON data, for transport tests that never read the message.</summary>
public static class TestEvents
{
    public const string ProbeType = "safeguarding.platform.testing.events.v1.ProbeRecorded";

    public static CloudEvent Json(string subject = "org-1", string data = "{}") => new(ProtoCloudEvents.ExtensionAttributes)
    {
        Id = Guid.NewGuid().ToString(),
        Source = new Uri("/safeguarding/tests", UriKind.Relative),
        Type = ProbeType,
        Subject = subject,
        Time = DateTimeOffset.UtcNow,
        DataContentType = ProtoCloudEvents.DataMediaType,
        Data = JsonSerializer.Deserialize<JsonElement>(data),
    };
}
