namespace Safeguarding.Measures.Domain;

public enum ProvenanceKind
{
    Import,
    Audit,
    Survey,
    ManualEntry,
}

/// <summary>
/// Where an observation came from: file name and row of an import, the audit programme or survey wave
/// it was aggregated from, or the user who typed it. User ids only; never a child or family detail.
/// </summary>
public sealed record Provenance
{
    private Provenance(ProvenanceKind kind, string? fileName, long? row, string? reference, string userId)
    {
        Kind = kind;
        FileName = fileName;
        Row = row;
        Reference = reference;
        UserId = userId;
    }

    public ProvenanceKind Kind { get; }

    /// <summary>The imported file's name (no directories).</summary>
    public string? FileName { get; }

    /// <summary>The line of the file where the row starts (header is line 1).</summary>
    public long? Row { get; }

    /// <summary>Import run id, audit programme id or survey wave id.</summary>
    public string? Reference { get; }

    /// <summary>Who entered it or ran the import.</summary>
    public string UserId { get; }

    public static Provenance Import(string fileName, long row, string importId, string userId)
    {
        var problems = new ValidationProblems();
        var name = Path.GetFileName(fileName ?? string.Empty);
        if (!Text.IsLabel(name, 255))
        {
            problems.Add("provenance.file_name", "is required (at most 255 characters)");
        }

        if (row < 1)
        {
            problems.Add("provenance.row", "must be 1 or more");
        }

        CheckReference(importId, "provenance.import_id", problems);
        CheckUser(userId, problems);
        problems.ThrowIfAny();
        return new Provenance(ProvenanceKind.Import, name, row, importId, userId);
    }

    /// <summary>The same import provenance for another row (one file's rows share everything else, checked once).</summary>
    public Provenance AtRow(long row)
    {
        if (Kind != ProvenanceKind.Import)
        {
            throw new InvalidOperationException("Only an import provenance has rows.");
        }

        return row >= 1 ? new Provenance(Kind, FileName, row, Reference, UserId) : throw new DomainValidationException("provenance.row", "must be 1 or more");
    }

    public static Provenance Audit(string auditProgrammeId, string userId) => Referenced(ProvenanceKind.Audit, auditProgrammeId, userId);

    public static Provenance Survey(string surveyWaveId, string userId) => Referenced(ProvenanceKind.Survey, surveyWaveId, userId);

    public static Provenance ManualEntry(string userId)
    {
        var problems = new ValidationProblems();
        CheckUser(userId, problems);
        problems.ThrowIfAny();
        return new Provenance(ProvenanceKind.ManualEntry, null, null, null, userId);
    }

    private static Provenance Referenced(ProvenanceKind kind, string reference, string userId)
    {
        var problems = new ValidationProblems();
        CheckReference(reference, "provenance.reference", problems);
        CheckUser(userId, problems);
        problems.ThrowIfAny();
        return new Provenance(kind, null, null, reference, userId);
    }

    private static void CheckReference(string? reference, string field, ValidationProblems problems)
    {
        if (!Text.IsLabel(reference, 128))
        {
            problems.Add(field, "is required (at most 128 characters)");
        }
    }

    private static void CheckUser(string? userId, ValidationProblems problems)
    {
        if (!Text.IsUserId(userId))
        {
            problems.Add("provenance.user_id", "must be a user id");
        }
    }
}
