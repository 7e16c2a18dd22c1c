using System.Diagnostics;
using System.Text.Json;
using Safeguarding.Platform.Testing.Events.V1;

namespace Safeguarding.Platform.Events.Tests;

public sealed class ProtoCloudEventsTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_writes_the_proto3_json_of_the_message_with_type_subject_and_trace()
    {
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();
        activity.TraceStateString = "vendor=1";

        var cloudEvent = ProtoCloudEvents.Create(new ProbeRecorded { ProbeId = "p-1", Sequence = 9_000_000_000, Note = "n" }, "/safeguarding/tests", "org-7", Now);

        Assert.Equal("safeguarding.platform.testing.events.v1.ProbeRecorded", cloudEvent.Type);
        Assert.Equal("org-7", cloudEvent.Subject);
        Assert.Equal("/safeguarding/tests", cloudEvent.Source?.OriginalString);
        Assert.Equal("application/json", cloudEvent.DataContentType);
        Assert.Equal(Now, cloudEvent.Time);
        Assert.True(Guid.TryParse(cloudEvent.Id, out var id) && id.Version == 7);
        Assert.Equal(activity.Id, cloudEvent.GetTraceParent());
        Assert.Equal("vendor=1", cloudEvent.GetTraceState());
        var data = Assert.IsType<JsonElement>(cloudEvent.Data);
        Assert.Equal("p-1", data.GetProperty("probeId").GetString());
        Assert.Equal("9000000000", data.GetProperty("sequence").GetString());
        using var wire = JsonDocument.Parse(ProtoCloudEvents.Encode(cloudEvent));
        Assert.Equal("org-7", wire.RootElement.GetProperty("subject").GetString());
        Assert.Equal(activity.Id, wire.RootElement.GetProperty("traceparent").GetString());
        Assert.Equal("vendor=1", wire.RootElement.GetProperty("tracestate").GetString());
    }

    [Fact]
    public void ReadData_round_trips_and_ignores_fields_added_later()
    {
        var cloudEvent = ProtoCloudEvents.Create(new ProbeRecorded { ProbeId = "p-2", Sequence = 3 }, "/s", "org-1", Now);
        cloudEvent.Data = JsonDocument.Parse("""{"probeId":"p-2","sequence":"3","addedInV1_1":true}""").RootElement.Clone();

        var message = ProtoCloudEvents.ReadData<ProbeRecorded>(cloudEvent);

        Assert.Equal("p-2", message.ProbeId);
        Assert.Equal(3, message.Sequence);
    }

    [Fact]
    public void ReadData_rejects_another_type_or_broken_data()
    {
        Assert.Throws<CloudEventFormatException>(() => ProtoCloudEvents.ReadData<ProbeRecorded>(With(e => e.Type = "other.Type")));
        Assert.Throws<CloudEventFormatException>(() => ProtoCloudEvents.ReadData<ProbeRecorded>(With(e => e.Data = JsonDocument.Parse("""{"sequence":"not a number"}""").RootElement.Clone())));
        Assert.Throws<CloudEventFormatException>(() => ProtoCloudEvents.ReadData<ProbeRecorded>(With(e => e.Data = null)));
        // data_base64 reads as bytes: the platform's data is always proto3 JSON.
        var binary = ProtoCloudEvents.Decode("""{"specversion":"1.0","id":"1","source":"s","type":"safeguarding.platform.testing.events.v1.ProbeRecorded","data_base64":"AAE="}""");
        Assert.Contains("data_base64", Assert.Throws<CloudEventFormatException>(() => ProtoCloudEvents.ReadData<ProbeRecorded>(binary)).Message, StringComparison.Ordinal);

        static CloudEvent With(Action<CloudEvent> change)
        {
            var cloudEvent = ProtoCloudEvents.Create(new ProbeRecorded { ProbeId = "p" }, "/s", "org-1", Now);
            change(cloudEvent);
            return cloudEvent;
        }
    }

    [Theory]
    [InlineData("measures.observation-recorded.v1", true)]
    [InlineData("audits.case-audit-completed.v2", true)]
    [InlineData("Measures.ObservationRecorded", false)]
    [InlineData("measures/observation", false)]
    [InlineData("", false)]
    [InlineData(".leading-dot", false)]
    public void Topic_names_follow_the_shared_rule(string name, bool valid)
    {
        if (valid)
        {
            Assert.Equal(name, new EventTopic<ProbeRecorded>(name).Name);
        }
        else
        {
            Assert.Throws<ArgumentException>(() => new EventTopic<ProbeRecorded>(name));
        }
    }
}
