namespace Safeguarding.Measures.Domain;

public enum MeasureChangeKind
{
    /// <summary>First version.</summary>
    Defined,

    /// <summary>Meaning changed: a new version; observations of older versions keep theirs.</summary>
    NewVersion,

    /// <summary>Only wording or filing changed: a new revision of the current version.</summary>
    Revised,

    /// <summary>Nothing changed; nothing to store.</summary>
    Unchanged,
}

/// <summary>The outcome of defining or changing a measure (what the service persists and announces).</summary>
public sealed record MeasureChange(MeasureHistory History, MeasureChangeKind Kind, MeasureVersion Current, IReadOnlyList<string> ChangedFields);

/// <summary>
/// Every version and revision of one measure, oldest first. Immutable: changes return a new history.
/// </summary>
public sealed class MeasureHistory
{
    private readonly IReadOnlyList<MeasureVersion> _revisions;

    private MeasureHistory(IReadOnlyList<MeasureVersion> revisions)
    {
        _revisions = revisions;
    }

    public string MeasureId => Current.MeasureId;

    public MeasureVersion Current => _revisions[^1];

    public IReadOnlyList<MeasureVersion> Revisions => _revisions;

    /// <summary>Rebuilds a history from stored revisions (oldest first), checking they are consistent.</summary>
    public static MeasureHistory Restore(IReadOnlyList<MeasureVersion> revisions)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        if (revisions.Count == 0 || revisions.Any(r => r.MeasureId != revisions[0].MeasureId))
        {
            throw new DomainValidationException("revisions", "must be one measure's revisions, at least one");
        }

        return new MeasureHistory([.. revisions]);
    }

    public static MeasureChange Define(MeasureDefinition definition, ChangeContext context)
    {
        Validate(definition, context);
        var first = new MeasureVersion(new MeasureVersionRef(definition.Id, 1), 1, definition, MeaningHash.Compute(definition), context);
        var history = new MeasureHistory([first]);
        return new MeasureChange(history, MeasureChangeKind.Defined, first, []);
    }

    /// <summary>The latest revision of a version, or null if there is no such version.</summary>
    public MeasureVersion? Find(int version) => _revisions.LastOrDefault(r => r.Version == version);

    /// <summary>
    /// Applies a proposed definition. A meaning change (or <paramref name="forceNewVersion"/>, for a
    /// change of meaning the fields cannot show) makes a new version; wording only, a new revision.
    /// </summary>
    public MeasureChange Change(MeasureDefinition proposed, ChangeContext context, bool forceNewVersion = false)
    {
        Validate(proposed, context);
        if (proposed.Id != MeasureId)
        {
            throw new DomainValidationException("id", $"cannot change a measure's id (was '{MeasureId}')");
        }

        var current = Current;
        var hash = MeaningHash.Compute(proposed);
        var meaningFields = MeaningHash.ChangedMeaningFields(current.Definition, proposed);
        var wordingFields = WordingChanges(current.Definition, proposed);
        MeasureVersion next;
        MeasureChangeKind kind;
        if (hash != current.MeaningHash || forceNewVersion)
        {
            if (forceNewVersion && string.IsNullOrWhiteSpace(context.Reason))
            {
                throw new DomainValidationException("reason", "is required when forcing a new version");
            }

            next = new MeasureVersion(current.Ref with { Version = current.Version + 1 }, 1, proposed, hash, context);
            kind = MeasureChangeKind.NewVersion;
        }
        else if (wordingFields.Count > 0)
        {
            next = current with { Revision = current.Revision + 1, Definition = proposed, Changed = context };
            kind = MeasureChangeKind.Revised;
        }
        else
        {
            return new MeasureChange(this, MeasureChangeKind.Unchanged, current, []);
        }

        return new MeasureChange(new MeasureHistory([.. _revisions, next]), kind, next, [.. meaningFields, .. wordingFields]);
    }

    private static List<string> WordingChanges(MeasureDefinition before, MeasureDefinition after)
    {
        var changed = new List<string>();
        if (before.Title != after.Title)
        {
            changed.Add("title");
        }

        if (before.Description != after.Description)
        {
            changed.Add("description");
        }

        if (before.ContentAreaId != after.ContentAreaId)
        {
            changed.Add("content_area_id");
        }

        // Spacing or capitals in a definition: not meaning (the hash ignores them) but still worth keeping.
        if (before.NumeratorDefinition != after.NumeratorDefinition && Same(before.NumeratorDefinition, after.NumeratorDefinition))
        {
            changed.Add("numerator_definition");
        }

        if (before.DenominatorDefinition != after.DenominatorDefinition && Same(before.DenominatorDefinition, after.DenominatorDefinition))
        {
            changed.Add("denominator_definition");
        }

        if (before.Breakdowns != after.Breakdowns && before.Breakdowns.Order(StringComparer.Ordinal).SequenceEqual(after.Breakdowns.Order(StringComparer.Ordinal)))
        {
            changed.Add("breakdowns");
        }

        return changed;
    }

    private static bool Same(string? a, string? b) =>
        string.Equals(Text.Normalise(a), Text.Normalise(b), StringComparison.OrdinalIgnoreCase);

    private static void Validate(MeasureDefinition definition, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(context);
        var problems = new ValidationProblems();
        problems.AddNested("measure", MeasureDefinitionRules.Validate(definition));
        problems.AddNested(string.Empty, context.Validate());
        problems.ThrowIfAny();
    }
}
