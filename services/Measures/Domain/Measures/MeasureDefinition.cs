namespace Safeguarding.Measures.Domain;

/// <summary>
/// What a measure is. Fields marked "meaning" decide whether two definitions measure the same thing
/// (see <see cref="MeaningHash"/>); changing any of them makes a new version. Title, description and
/// content area are wording and filing: changing them makes a new revision of the same version
/// (docs/adr/0004-measure-versioning.md).
/// </summary>
public sealed record MeasureDefinition
{
    /// <summary>Stable id, e.g. "cin.rereferrals_within_12_months".</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>The framework content area it evidences (library id).</summary>
    public required string ContentAreaId { get; init; }

    /// <summary>Meaning.</summary>
    public required InformationType Type { get; init; }

    /// <summary>Meaning.</summary>
    public required Source Source { get; init; }

    /// <summary>Meaning.</summary>
    public required CollectionMethod Method { get; init; }

    /// <summary>Meaning.</summary>
    public required MeasureUnit Unit { get; init; }

    /// <summary>Meaning: what is counted (for a count) or the top of the fraction.</summary>
    public string? NumeratorDefinition { get; init; }

    /// <summary>Meaning: the population the numerator is taken from; none for counts.</summary>
    public string? DenominatorDefinition { get; init; }

    /// <summary>Meaning.</summary>
    public required Polarity Polarity { get; init; }

    /// <summary>Meaning: a monthly count and a quarterly count are different figures.</summary>
    public required Frequency Frequency { get; init; }

    /// <summary>Meaning.</summary>
    public Sampling Sampling { get; init; } = Sampling.WholePopulation;

    /// <summary>Meaning: for outcomes, when the outcome is looked at.</summary>
    public FollowUp FollowUp { get; init; } = FollowUp.None;

    /// <summary>Meaning: dimensions observations may be broken down by (order does not matter).</summary>
    public ValueList<string> Breakdowns { get; init; } = [];
}
