namespace Safeguarding.Platform.Persistence.Outbox;

/// <summary>
/// An integration event waiting to be published, stored in the service's own database by the same
/// SaveChanges/transaction as the domain change it describes. Written by the events library.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Insertion order; the dispatcher publishes in this order.</summary>
    public long Id { get; set; }

    /// <summary>The CloudEvent id (unique).</summary>
    public string EventId { get; set; } = "";

    /// <summary>Topic the event is published to.</summary>
    public string Topic { get; set; } = "";

    /// <summary>CloudEvent subject: the organisation the event belongs to (ordering key).</summary>
    public string Subject { get; set; } = "";

    /// <summary>CloudEvent type (the proto message's full name).</summary>
    public string Type { get; set; } = "";

    /// <summary>The whole CloudEvent, structured JSON, exactly as it will be published.</summary>
    public string Envelope { get; set; } = "";

    /// <summary>When the event was written (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Failed publish attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Not published before this time (UTC); pushed back after each failure.</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>When the broker accepted it (UTC); null while pending.</summary>
    public DateTime? SentAt { get; set; }

    /// <summary>Kind of the last failure (exception type and broker status, never payload).</summary>
    public string? LastError { get; set; }
}
