namespace Safeguarding.Reporting.Narrative;

/// <summary>A stored reporting profile (proto3 JSON of <c>ReportingProfile</c>).</summary>
public sealed class ProfileRow
{
    public string OrganisationCode { get; set; } = "";

    public string Body { get; set; } = "";

    public string Etag { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
