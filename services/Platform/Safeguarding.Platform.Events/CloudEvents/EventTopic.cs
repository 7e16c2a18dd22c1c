using System.Text.RegularExpressions;
using Google.Protobuf;

namespace Safeguarding.Platform.Events;

/// <summary>
/// A topic and the proto message published on it. Declare topics as explicit constants beside the
/// area's events, never from a type name:
/// <code>
/// public static class MeasuresTopics
/// {
///     public const string ObservationRecordedName = "measures.observation-recorded.v1";
///     public static readonly EventTopic&lt;ObservationRecorded&gt; ObservationRecorded = new(ObservationRecordedName);
/// }
/// </code>
/// </summary>
/// <typeparam name="TMessage">Proto message from <c>protos/safeguarding/&lt;area&gt;/events/v1/</c>.</typeparam>
public sealed record EventTopic<TMessage>
    where TMessage : IMessage<TMessage>, new()
{
    /// <summary>Creates the topic after checking its name.</summary>
    public EventTopic(string name)
    {
        TopicNames.Validate(name);
        Name = name;
    }

    /// <summary>Topic name: exchange name on RabbitMQ, topic on Dapr.</summary>
    public string Name { get; }

    /// <summary>The CloudEvent <c>type</c> of events on this topic.</summary>
    public string EventType => new TMessage().Descriptor.FullName;

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>Topic naming rule shared by every transport.</summary>
public static partial class TopicNames
{
    /// <summary>
    /// Lower-case dot-separated words with hyphens, e.g. <c>measures.observation-recorded.v1</c>:
    /// valid as a RabbitMQ exchange, a Dapr topic and a URL path segment.
    /// </summary>
    public static void Validate(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 200 || !Pattern().IsMatch(name))
        {
            throw new ArgumentException(
                $"Topic '{name}' must be lower-case words of a-z, 0-9 and '-', separated by '.', at most 200 characters.",
                nameof(name));
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)*$")]
    private static partial Regex Pattern();
}
