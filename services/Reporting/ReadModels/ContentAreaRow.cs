namespace Safeguarding.Reporting.ReadModels;

/// <summary>
/// An organisation's content area as its latest ContentAreaChanged event described it; <see cref="Body"/>
/// is the proto3 JSON of <c>safeguarding.measures.v1.ContentArea</c> (why it matters, statements, questions).
/// </summary>
public sealed class ContentAreaRow
{
    public string OrganisationCode { get; set; } = "";

    public string ContentAreaId { get; set; } = "";

    public DateTime? UpdatedAt { get; set; }

    /// <summary>The event that last changed it: breaks ties between changes made in the same instant.</summary>
    public string EventId { get; set; } = "";

    public bool Retired { get; set; }

    public string Body { get; set; } = "";
}
