using CloudNative.CloudEvents;
using Google.Protobuf;
using Safeguarding.Platform.Events;
using Safeguarding.Reporting.Persistence;

namespace Safeguarding.Reporting.ReadModels;

/// <summary>
/// Applies one kind of event to the read models. The same code runs live (inside the inbox transaction, one
/// event at a time) and in a rebuild (runs of consecutive events); applying must depend only on the events,
/// never on when they are applied, so a rebuild gives the same read models. A new source (audits, surveys,
/// case reviews) adds a projection and its subscriptions; nothing else changes.
/// </summary>
internal interface IReadModelProjection
{
    /// <summary>The CloudEvent types (proto full names) this projection applies.</summary>
    IReadOnlyCollection<string> EventTypes { get; }

    /// <summary>Reads the event's message; throws <see cref="CloudEventFormatException"/> when it does not fit.</summary>
    IMessage Read(CloudEvent cloudEvent);

    /// <summary>Applies the events in order through <paramref name="db"/>; the caller saves.</summary>
    Task ApplyAsync(ReportingDbContext db, IReadOnlyList<ProjectedEvent> events, CancellationToken cancellationToken);
}

/// <summary>An event's message with what a projection may use of its envelope.</summary>
internal sealed record ProjectedEvent(IMessage Message, string EventId, DateTime? Time)
{
    public static ProjectedEvent From(IMessage message, CloudEvent cloudEvent) =>
        new(message, cloudEvent.Id ?? "", cloudEvent.Time?.UtcDateTime);
}
