namespace Safeguarding.Measures.Persistence;

/// <summary>A completed (committed) import run and its counts.</summary>
public sealed class ImportRow
{
    public string ImportId { get; set; } = "";

    public string MappingId { get; set; } = "";

    public string FileName { get; set; } = "";

    public string UserId { get; set; } = "";

    public string? OrganisationCode { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime CompletedAt { get; set; }

    public long RowsRead { get; set; }

    public long RowsImported { get; set; }

    public long RowsRejected { get; set; }

    public long RowsSkipped { get; set; }

    public long RowsOutOfScope { get; set; }

    public long ObservationsRecorded { get; set; }

    public long ObservationsSkippedIdentical { get; set; }

    public long ObservationsSuperseded { get; set; }

    public int Batches { get; set; }
}
