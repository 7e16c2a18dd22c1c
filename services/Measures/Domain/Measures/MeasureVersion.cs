namespace Safeguarding.Measures.Domain;

/// <summary>Points at one version of a measure; observations carry it for life.</summary>
public sealed record MeasureVersionRef(string MeasureId, int Version)
{
    public override string ToString() => $"{MeasureId}@v{Version}";
}

/// <summary>Who changed a definition, when and why (a user id, never a name).</summary>
public sealed record ChangeContext(string ChangedBy, DateTimeOffset At, string? Reason = null)
{
    public IReadOnlyList<ValidationProblem> Validate()
    {
        var problems = new ValidationProblems();
        if (!Text.IsUserId(ChangedBy))
        {
            problems.Add("changed_by", "must be a user id");
        }

        if (Reason is { Length: > 1000 })
        {
            problems.Add("reason", "must be at most 1000 characters");
        }

        return problems.Items;
    }
}

/// <summary>
/// One revision of one version of a measure. <see cref="Revision"/> counts wording changes within
/// the version; <see cref="Ref"/>'s version changes only when the meaning does.
/// </summary>
public sealed record MeasureVersion(MeasureVersionRef Ref, int Revision, MeasureDefinition Definition, string MeaningHash, ChangeContext Changed)
{
    public string MeasureId => Ref.MeasureId;

    public int Version => Ref.Version;
}
