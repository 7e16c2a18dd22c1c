using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Computations;

/// <summary>Drops observations that another observation in the same set supersedes.</summary>
public static class CurrentObservations
{
    public static IEnumerable<Observation> Of(IEnumerable<Observation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var list = observations as IReadOnlyCollection<Observation> ?? [.. observations];
        var superseded = list.Where(o => o.Supersedes is not null).Select(o => o.Supersedes!.Value).ToHashSet();
        return superseded.Count == 0 ? list : list.Where(o => !superseded.Contains(o.Id));
    }
}
