using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Import;

/// <summary>A code's end: from <see cref="EffectiveFrom"/> its figures belong to the successors.</summary>
public sealed record OrganisationSuccession(string Code, IReadOnlyList<string> SuccessorCodes, DateOnly EffectiveFrom);

/// <summary>An organisation registry from a list of codes and successions.</summary>
public sealed class KnownOrganisations : IOrganisationResolver
{
    private readonly HashSet<string> _codes;
    private readonly Dictionary<string, OrganisationSuccession> _successions;

    public KnownOrganisations(IEnumerable<string> codes, IEnumerable<OrganisationSuccession>? successions = null)
    {
        ArgumentNullException.ThrowIfNull(codes);
        _codes = codes.ToHashSet(StringComparer.OrdinalIgnoreCase);
        _successions = (successions ?? []).ToDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Accepts every well-formed code: for dry runs before a registry is available.</summary>
    public static IOrganisationResolver AcceptAll { get; } = new AcceptAllResolver();

    public OrganisationResolution Resolve(string code, Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (_successions.TryGetValue(code, out var succession) && period.End >= succession.EffectiveFrom)
        {
            return new OrganisationResolution(OrganisationStatus.Replaced, succession.SuccessorCodes,
                $"replaced by {string.Join(" and ", succession.SuccessorCodes)} from {succession.EffectiveFrom:yyyy-MM-dd}");
        }

        return _codes.Contains(code) || _successions.ContainsKey(code) ? OrganisationResolution.Known : OrganisationResolution.Unknown;
    }

    private sealed class AcceptAllResolver : IOrganisationResolver
    {
        public OrganisationResolution Resolve(string code, Period period) => OrganisationResolution.Known;
    }
}
