using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Persistence.Bulk;

/// <summary>An observation's natural key in the columns of the current-key index (cheap to hash, no strings built).</summary>
public readonly record struct CurrentKey(string MeasureId, int Version, string Organisation, DateOnly Start, int Months, string Breakdown)
{
    public static CurrentKey Of(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return new(observation.Measure.MeasureId, observation.Measure.Version, observation.OrganisationCode, observation.Period.Start, observation.Period.Months, observation.Breakdown.Key);
    }
}

/// <summary>The current observation of a key: enough to tell "identical" from "different".</summary>
public sealed record CurrentFigure(Guid Id, byte[] Fingerprint);

/// <summary>
/// An observation to insert, with its fingerprint, the file line it came from (its row's observations travel and are
/// rejected together) and (when a later row of the same batch replaced it) its supersession.
/// </summary>
public sealed class PendingRow(Observation observation, byte[] fingerprint, long line = 0)
{
    public Observation Observation { get; } = observation;

    public long Line { get; } = line;

    public byte[] Fingerprint { get; } = fingerprint;

    public Guid? SupersededBy { get; set; }

    public DateTime? SupersededAt { get; set; }
}
