using System.Text.Json;

namespace Safeguarding.Platform.Events.Tests;

public sealed class CloudEventJsonTests
{
    [Fact]
    public void Round_trip_keeps_every_attribute_and_the_data_verbatim()
    {
        var original = new CloudEvent
        {
            Id = "0195f1c2-0000-7000-8000-000000000001",
            Source = "/safeguarding/measures",
            Type = "safeguarding.measures.events.v1.ObservationRecorded",
            Time = new DateTimeOffset(2025, 3, 1, 12, 30, 15, 123, TimeSpan.Zero),
            DataContentType = "application/json",
            Subject = "org-42",
            Data = """{"measureId":"m-1","value":"12","tags":["a","b"]}""",
            TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            TraceState = "congo=t61rcWkgMzE",
        };

        var json = CloudEventJson.SerializeToString(original);
        var parsed = CloudEventJson.Parse(json);

        Assert.Equal(original.Id, parsed.Id);
        Assert.Equal(original.Source, parsed.Source);
        Assert.Equal(original.Type, parsed.Type);
        Assert.Equal("1.0", parsed.SpecVersion);
        Assert.Equal(original.Time, parsed.Time);
        Assert.Equal(original.DataContentType, parsed.DataContentType);
        Assert.Equal(original.Subject, parsed.Subject);
        Assert.Equal(original.Data, parsed.Data);
        Assert.Equal(original.TraceParent, parsed.TraceParent);
        Assert.Equal(original.TraceState, parsed.TraceState);

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("1.0", root.GetProperty("specversion").GetString());
        Assert.Equal("2025-03-01T12:30:15.1230000Z", root.GetProperty("time").GetString());
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

        var parsed = CloudEventJson.Parse(delivered);

        Assert.Equal("5929aaac-a5e2-4ca1-859c-edfe73f11565", parsed.Id);
        Assert.Equal("00-113ad9c4e42b27583ae98ba698d54255-e3743e35ff56f219-01", parsed.TraceParent);
        Assert.Equal("", parsed.TraceState);
        Assert.Equal(new DateTimeOffset(2020, 9, 23, 6, 23, 21, TimeSpan.Zero), parsed.Time);
        Assert.Equal("orders", parsed.Extensions["topic"].GetString());
        Assert.Equal("order_pub_sub", parsed.Extensions["pubsubname"].GetString());

        var again = CloudEventJson.Parse(CloudEventJson.Serialize(parsed));
        Assert.Equal("order_pub_sub", again.Extensions["pubsubname"].GetString());
        Assert.Equal(parsed.TraceParent, again.Extensions["traceid"].GetString());
        using var data = JsonDocument.Parse(again.Data!);
        Assert.Equal(1, data.RootElement.GetProperty("orderId").GetInt32());
    }

    [Theory]
    [InlineData("""{"specversion":"1.0","source":"s","type":"t"}""", "'id'")]
    [InlineData("""{"specversion":"0.3","id":"1","source":"s","type":"t"}""", "specversion")]
    [InlineData("""{"specversion":"1.0","id":"1","source":"s","type":"t","data_base64":"AAE="}""", "data_base64")]
    [InlineData("""{"specversion":"1.0","id":1,"source":"s","type":"t"}""", "'id' must be a string")]
    [InlineData("""[1,2]""", "JSON object")]
    [InlineData("""{"specversion":"1.0",""", "not valid JSON")]
    public void Invalid_envelopes_are_rejected_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<CloudEventFormatException>(() => CloudEventJson.Parse(json));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
