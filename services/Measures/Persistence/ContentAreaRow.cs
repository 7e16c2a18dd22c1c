namespace Safeguarding.Measures.Persistence;

/// <summary>An organisation's content area; statements and questions are one JSON document (<see cref="ContentAreaItems"/>).</summary>
public sealed class ContentAreaRow
{
    public string OrganisationCode { get; set; } = "";

    public string ContentAreaId { get; set; } = "";

    public string? LibraryContentAreaId { get; set; }

    public string GroupId { get; set; } = "";

    public string Title { get; set; } = "";

    public string WhyItMatters { get; set; } = "";

    public string Items { get; set; } = "";

    /// <summary>"active" or "retired".</summary>
    public string Status { get; set; } = "";

    public string? RetiredReason { get; set; }

    /// <summary>Counts changes; the etag is derived from it.</summary>
    public int Revision { get; set; }

    public string UpdatedBy { get; set; } = "";

    public DateTime UpdatedAt { get; set; }
}
