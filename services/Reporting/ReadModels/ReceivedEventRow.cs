namespace Safeguarding.Reporting.ReadModels;

/// <summary>One received event, kept verbatim (its CloudEvent JSON) so the read models can be rebuilt from it.</summary>
public sealed class ReceivedEventRow
{
    public long Seq { get; set; }

    public string EventId { get; set; } = "";

    public string Topic { get; set; } = "";

    public string Type { get; set; } = "";

    public string Subject { get; set; } = "";

    public DateTime? EventTime { get; set; }

    public DateTime ReceivedAt { get; set; }

    public string Envelope { get; set; } = "";
}
