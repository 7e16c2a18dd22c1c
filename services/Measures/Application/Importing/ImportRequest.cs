using Safeguarding.Measures.Import;

namespace Safeguarding.Measures.Application.Importing;

/// <summary>
/// What to import: a mapping, the file's name, dry run or not, and which organisations' rows to take (empty: all).
/// <paramref name="TargetOrganisation"/> is the organisation the call is for when the gateway said so
/// (x-sg-target-organisation); then only rows of that organisation and of reference organisations (published
/// geography, <see cref="Organisations.OrganisationRegistry.IsReference"/>) are taken, whatever the scope says.
/// <paramref name="Mapping"/> is the mapping already resolved (an organisation's uploaded version, or a document
/// tried in a dry run); without it <paramref name="MappingId"/> names a shipped one.
/// </summary>
public sealed record ImportRequest(
    string MappingId, string FileName, bool DryRun, IReadOnlyList<string> OrganisationCodes, bool DefineMissingMeasures, string? TargetOrganisation = null, MappingEntry? Mapping = null);

/// <summary>What an import did: the domain's per-file report plus what storing it changed.</summary>
public sealed record ImportOutcome
{
    public required string ImportId { get; init; }

    public required ImportRequest Request { get; init; }

    public required ImportReport Report { get; init; }

    public long RowsOutOfScope { get; init; }

    public long Recorded { get; init; }

    public long SkippedIdentical { get; init; }

    public long Superseded { get; init; }

    public int Batches { get; init; }

    public IReadOnlyList<string> MeasuresDefined { get; init; } = [];

    /// <summary>How the file's header met the mapping (null when the file had no header).</summary>
    public ColumnMatch? Columns { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }
}
