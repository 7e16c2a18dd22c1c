namespace Safeguarding.Measures.Domain;

/// <summary>
/// One figure of one measure version for an organisation, period and breakdown. Append-only: a
/// correction is a new observation that <see cref="Supersedes"/> the old one, with a reason.
/// </summary>
public sealed record Observation
{
    public required Guid Id { get; init; }

    public required string OrganisationCode { get; init; }

    public required MeasureVersionRef Measure { get; init; }

    public required Period Period { get; init; }

    public Breakdown Breakdown { get; init; } = Breakdown.Total;

    public required ObservationValue Value { get; init; }

    /// <summary>Set when the publisher rounded the counts (EES regional and national: nearest 10).</summary>
    public int? RoundedToNearest { get; init; }

    public required Provenance Provenance { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    public Guid? Supersedes { get; init; }

    public string? CorrectionReason { get; init; }

    public ObservationKey Key => new(OrganisationCode, Measure, Period, Breakdown);

    /// <summary>Hash of the key and the figure (not provenance or timing): equal means "nothing new".</summary>
    public string Fingerprint => ObservationFingerprint.Compute(this);
}

/// <summary>The natural key: at most one current observation per key.</summary>
public sealed record ObservationKey(string OrganisationCode, MeasureVersionRef Measure, Period Period, Breakdown Breakdown)
{
    public string Canonical => $"{OrganisationCode}|{Measure.MeasureId}@{Measure.Version}|{Period.Code}|{Breakdown.Key}";

    public override string ToString() => Canonical;
}
