namespace Safeguarding.Measures.Persistence;

/// <summary>One version of an import mapping an organisation uploaded (append-only).</summary>
public sealed class ImportMappingRow
{
    public string OrganisationCode { get; set; } = "";

    public string MappingId { get; set; } = "";

    public int Version { get; set; }

    public string Title { get; set; } = "";

    public string Document { get; set; } = "";

    public string DocumentSha256 { get; set; } = "";

    public string UploadedBy { get; set; } = "";

    public DateTime UploadedAt { get; set; }
}
