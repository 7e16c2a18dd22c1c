using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.Rendering.Tables;

/// <summary>Turns balance counts into percentage shares (0–100) for this year and last.</summary>
internal static class BalanceShares
{
    public static IReadOnlyList<(double Current, double? Previous)> Of<TCategory>(IReadOnlyList<BalanceCount<TCategory>> counts)
        where TCategory : struct, Enum
    {
        var currentTotal = 0;
        var previousTotal = 0;
        var previousKnown = counts.Count > 0;
        foreach (var count in counts)
        {
            currentTotal += count.Current;
            if (count.Previous is { } previous)
            {
                previousTotal += previous;
            }
            else
            {
                previousKnown = false;
            }
        }

        var shares = new (double, double?)[counts.Count];
        for (var i = 0; i < shares.Length; i++)
        {
            var current = currentTotal == 0 ? 0 : 100.0 * counts[i].Current / currentTotal;
            double? previous = previousKnown && previousTotal > 0 ? 100.0 * counts[i].Previous!.Value / previousTotal : null;
            shares[i] = (current, previous);
        }

        return shares;
    }
}
