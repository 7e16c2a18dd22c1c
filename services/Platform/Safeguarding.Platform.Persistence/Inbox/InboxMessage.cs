namespace Safeguarding.Platform.Persistence.Inbox;

/// <summary>
/// Records that a consumer has applied an event. Inserted in the same transaction as the consumer's
/// own change, so a redelivered event is recognised and its effect is not applied twice.
/// </summary>
public sealed class InboxMessage
{
    /// <summary>The consuming subscription (<c>{consumerId}-{topic}</c>).</summary>
    public string Consumer { get; set; } = "";

    /// <summary>The CloudEvent id.</summary>
    public string EventId { get; set; } = "";

    /// <summary>Topic it arrived on.</summary>
    public string Topic { get; set; } = "";

    /// <summary>When it was applied (UTC).</summary>
    public DateTime ProcessedAt { get; set; }
}
