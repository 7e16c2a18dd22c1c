using System.Text.Json;

namespace Safeguarding.Platform.Events.Tests;

/// <summary>The wire format: the CloudEvents SDK's JSON formatter in structured mode, as every transport carries it.</summary>
public sealed class CloudEventFormatTests
{
    [Fact]
    public void Round_trip_keeps_every_attribute_and_the_data_verbatim()
    {
        var original = new CloudEvent(ProtoCloudEvents.ExtensionAttributes)
        {
            Id = "0195f1c2-0000-7000-8000-000000000001",
            Source = new Uri("/safeguarding/measures", UriKind.Relative),
            Type = "safeguarding.measures.events.v1.ObservationRecorded",
            Time = new DateTimeOffset(2025, 3, 1, 12, 30, 15, 123, TimeSpan.Zero),
            DataContentType = "application/json",
            Subject = "org-42",
            Data = JsonDocument.Parse("""{"measureId":"m-1","value":"12","tags":["a","b"]}""").RootElement.Clone(),
            [ProtoCloudEvents.TraceParentAttribute] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            [ProtoCloudEvents.TraceStateAttribute] = "congo=t61rcWkgMzE",
        };

        var json = ProtoCloudEvents.EncodeToString(original);
        var parsed = ProtoCloudEvents.Decode(json);

        Assert.Equal(original.Id, parsed.Id);
        Assert.Equal("/safeguarding/measures", parsed.Source?.OriginalString);
        Assert.Equal(original.Type, parsed.Type);
        Assert.Equal("1.0", parsed.SpecVersion.VersionId);
        Assert.Equal(original.Time, parsed.Time);
        Assert.Equal(original.DataContentType, parsed.DataContentType);
        Assert.Equal(original.Subject, parsed.Subject);
        Assert.Equal("""{"measureId":"m-1","value":"12","tags":["a","b"]}""", Assert.IsType<JsonElement>(parsed.Data).GetRawText());
        Assert.Equal(original.GetTraceParent(), parsed.GetTraceParent());
        Assert.Equal(original.GetTraceState(), parsed.GetTraceState());

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("1.0", root.GetProperty("specversion").GetString());
        Assert.Equal(original.Time, DateTimeOffset.Parse(root.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(JsonValueKind.Object, root.GetProperty("data").ValueKind);
        Assert.Equal("m-1", root.GetProperty("data").GetProperty("measureId").GetString());
    }

    [Fact]
    public void A_Dapr_delivered_envelope_is_read_and_its_extra_attributes_survive()
    {
        // Shape of the CloudEvent Dapr delivers to an app (docs: pubsub-cloudevents, "Dapr-generated CloudEvents example").
        const string delivered = """
            {
              "topic": "orders",
              "pubsubname": "order_pub_sub",
              "traceid": "00-113ad9c4e42b27583ae98ba698d54255-e3743e35ff56f219-01",
              "tracestate": "",
              "data": { "orderId": 1 },
              "id": "5929aaac-a5e2-4ca1-859c-edfe73f11565",
              "specversion": "1.0",
              "datacontenttype": "application/json; charset=utf-8",
              "source": "checkout",
              "type": "com.dapr.event.sent",
              "time": "2020-09-23T06:23:21Z",
              "traceparent": "00-113ad9c4e42b27583ae98ba698d54255-e3743e35ff56f219-01"
            }
            """;

        var parsed = ProtoCloudEvents.Decode(delivered);

        Assert.Equal("5929aaac-a5e2-4ca1-859c-edfe73f11565", parsed.Id);
        Assert.Equal("00-113ad9c4e42b27583ae98ba698d54255-e3743e35ff56f219-01", parsed.GetTraceParent());
        Assert.Equal("", parsed.GetTraceState());
        Assert.Equal(new DateTimeOffset(2020, 9, 23, 6, 23, 21, TimeSpan.Zero), parsed.Time);
        Assert.Equal("orders", parsed["topic"]);
        Assert.Equal("order_pub_sub", parsed["pubsubname"]);

        var again = ProtoCloudEvents.Decode(ProtoCloudEvents.Encode(parsed));
        Assert.Equal("order_pub_sub", again["pubsubname"]);
        Assert.Equal(parsed.GetTraceParent(), again["traceid"]);
        Assert.Equal("application/json; charset=utf-8", again.DataContentType);
        Assert.Equal(1, Assert.IsType<JsonElement>(again.Data).GetProperty("orderId").GetInt32());
    }

    [Theory]
    [InlineData("""{"specversion":"1.0","source":"s","type":"t"}""", "id")]
    [InlineData("""{"specversion":"0.3","id":"1","source":"s","type":"t"}""", "spec version")]
    [InlineData("""{"id":"1","source":"s","type":"t"}""", "not represent a CloudEvent")]
    [InlineData("""{"specversion":"1.0","id":1,"source":"s","type":"t"}""", "'id'")]
    [InlineData("""{"specversion":"1.0","id":"1","source":"s","type":"t","time":"yesterday"}""", "'time'")]
    [InlineData("""[1,2]""", "Array")]
    [InlineData("""{"specversion":"1.0",""", "not a structured JSON CloudEvent")]
    public void Invalid_envelopes_are_rejected_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<CloudEventFormatException>(() => ProtoCloudEvents.Decode(json));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
