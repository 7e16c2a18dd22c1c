using System.Diagnostics;
using Google.Protobuf;

namespace Safeguarding.Platform.Events;

/// <summary>Builds CloudEvents from proto messages and reads them back (proto3 JSON mapping).</summary>
public static class ProtoCloudEvents
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);

    // Consumers built against an older proto still read newer events (fields added later are ignored).
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    /// <summary>
    /// A new event (id: time-ordered GUID) about <paramref name="subject"/> (the organisation id).
    /// The trace context is <paramref name="trace"/>, else the current activity's, so the trace continues in consumers.
    /// </summary>
    public static CloudEvent Create<TMessage>(
        TMessage message, string source, string subject, DateTimeOffset time, Activity? trace = null)
        where TMessage : IMessage<TMessage>, new()
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        var activity = trace ?? Activity.Current;
        var w3c = activity is { IdFormat: ActivityIdFormat.W3C };
        return new CloudEvent
        {
            Id = Guid.CreateVersion7(time).ToString(),
            Source = source,
            Type = message.Descriptor.FullName,
            Time = time,
            DataContentType = "application/json",
            Subject = subject,
            Data = Formatter.Format(message),
            TraceParent = w3c ? activity!.Id : null,
            TraceState = w3c ? activity!.TraceStateString : null,
        };
    }

    /// <summary>
    /// The event's message; throws <see cref="CloudEventFormatException"/> when the type or data does not fit
    /// <typeparamref name="TMessage"/> (such an event can never be handled).
    /// </summary>
    public static TMessage ReadData<TMessage>(CloudEvent cloudEvent)
        where TMessage : IMessage<TMessage>, new()
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        var expected = new TMessage().Descriptor.FullName;
        if (!string.Equals(cloudEvent.Type, expected, StringComparison.Ordinal))
        {
            throw new CloudEventFormatException($"Expected an event of type '{expected}', got '{cloudEvent.Type}'.");
        }

        if (cloudEvent.Data is null)
        {
            throw new CloudEventFormatException("The event has no data.");
        }

        try
        {
            return Parser.Parse<TMessage>(cloudEvent.Data);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new CloudEventFormatException($"The data is not proto3 JSON of '{expected}'.", ex);
        }
        catch (InvalidJsonException ex)
        {
            throw new CloudEventFormatException($"The data is not proto3 JSON of '{expected}'.", ex);
        }
    }
}
