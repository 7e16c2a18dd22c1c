using Safeguarding.Measures.Computations;
using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Import;

public enum RowOutcome
{
    /// <summary>Every observation of the row was produced.</summary>
    Imported,

    /// <summary>The row had an error: none of its observations were produced.</summary>
    Rejected,

    /// <summary>Filtered out by the mapping (another category, a level not imported).</summary>
    Skipped,
}

public enum ProblemSeverity
{
    /// <summary>The row is rejected.</summary>
    Error,

    /// <summary>The row is imported; someone should look.</summary>
    Warning,
}

/// <summary>
/// A problem found in the file: line, column (when one is at fault), a stable code, a description,
/// and the offending cell where it identifies something (an organisation code).
/// </summary>
public sealed record ImportProblem(long Line, string? Column, ProblemSeverity Severity, string Code, string Description, string? Value = null);

/// <summary>Stable problem codes, for counting and for clients to act on.</summary>
public static class ImportProblemCodes
{
    public const string MissingColumn = "missing_column";
    public const string DuplicateColumn = "duplicate_column";
    public const string UndefinedMeasure = "undefined_measure";
    public const string UnitMismatch = "unit_mismatch";
    public const string EmptyFile = "empty_file";
    public const string MalformedCsv = "malformed_csv";
    public const string WrongFieldCount = "wrong_field_count";
    public const string UnknownGeographicLevel = "unknown_geographic_level";
    public const string MissingCode = "missing_code";
    public const string InvalidCode = "invalid_code";
    public const string CombinedOrganisation = "combined_organisation";
    public const string UnknownOrganisation = "unknown_organisation";
    public const string ReplacedOrganisation = "replaced_organisation";
    public const string InvalidPeriod = "invalid_period";
    public const string MissingBreakdown = "missing_breakdown";
    public const string NonNumeric = "non_numeric";
    public const string Negative = "negative";
    public const string NumeratorExceedsDenominator = "numerator_exceeds_denominator";
    public const string ZeroDenominator = "zero_denominator";
    public const string InvalidValue = "invalid_value";
    public const string PublishedMismatch = "published_mismatch";
    public const string PublishedInconsistent = "published_inconsistent";
    public const string ReturnLocked = "return_locked";
}

public enum CrossCheckStatus
{
    Matched,
    Mismatched,

    /// <summary>Not checked: counts rounded by the publisher, or no figure on one side.</summary>
    NotChecked,
}

/// <summary>The comparison of a recomputed figure with the published one for one observation.</summary>
public sealed record CrossCheck(long Line, string MeasureId, string OrganisationCode, Period Period, CrossCheckStatus Status, PublishedComparison? Comparison, string? Note = null);

/// <summary>What one data row produced: all its observations, or none and the errors why.</summary>
public sealed record ImportRowResult(long Line, RowOutcome Outcome, IReadOnlyList<Observation> Observations, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<CrossCheck> Checks)
{
    /// <summary>The file cannot be imported at all (header or mapping problems); nothing follows.</summary>
    public bool IsFatal { get; init; }

    /// <summary>
    /// The SHA-256 fingerprint of each of <see cref="Observations"/>, index for index (see
    /// <see cref="ObservationFingerprint"/>), so whoever stores them need not hash again.
    /// </summary>
    public IReadOnlyList<byte[]> Fingerprints { get; init; } = [];
}

/// <summary>Everything an import produced, for a dry run or a commit by the caller.</summary>
public sealed record ImportResult(IReadOnlyList<Observation> Observations, ImportReport Report);
