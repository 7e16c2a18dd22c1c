using System.Collections.Frozen;
using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Import;

/// <summary>
/// Cell codes that stand for a state, not a number. Defaults are the GSS/EES symbols (with or
/// without brackets, any case); a blank cell is "not available". A mapping may add its own.
/// </summary>
public sealed class SpecialCodes
{
    private readonly FrozenDictionary<string, ObservationState> _codes;

    public SpecialCodes(IEnumerable<KeyValuePair<string, ObservationState>> codes, ObservationState blankState = ObservationState.NotAvailable)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var map = new Dictionary<string, ObservationState>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, state) in codes)
        {
            map[code.Trim()] = state;
            map[$"[{code.Trim()}]"] = state;
        }

        _codes = map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        BlankState = blankState;
    }

    public static SpecialCodes Default { get; } = new(new Dictionary<string, ObservationState>
    {
        ["c"] = ObservationState.Suppressed,
        ["x"] = ObservationState.NotAvailable,
        ["z"] = ObservationState.NotApplicable,
        ["u"] = ObservationState.LowReliability,
        ["low"] = ObservationState.RoundsToZero,
    });

    public ObservationState BlankState { get; }

    public IEnumerable<string> Codes => _codes.Keys.Where(k => !k.StartsWith('[')).Order(StringComparer.Ordinal);

    public bool TryGet(string cell, out ObservationState state) => _codes.TryGetValue(cell, out state);

    /// <summary>The defaults plus (or overridden by) <paramref name="extra"/>.</summary>
    public SpecialCodes With(IEnumerable<KeyValuePair<string, ObservationState>> extra) =>
        new(_codes.Where(p => !p.Key.StartsWith('[')).Concat(extra).GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Select(g => g.Last()), BlankState);
}
