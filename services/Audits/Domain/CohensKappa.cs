namespace Safeguarding.Audits.Domain;

/// <summary>Agreement between two raters over the same items.</summary>
public readonly record struct Agreement(int Pairs, int Agreed, double Observed, double? Kappa);

/// <summary>
/// Cohen's kappa for two raters (auditor and moderator) over categorical answers:
/// κ = (p_o − p_e) / (1 − p_e), where p_o is the share of items they agree on and p_e the agreement expected by
/// chance from each rater's own distribution of answers. Undefined (null) without pairs or when p_e is 1 (both
/// raters gave one and the same answer to everything: nothing to tell apart from chance).
/// </summary>
public static class CohensKappa
{
    public static Agreement Compute(IReadOnlyCollection<(string First, string Second)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var n = pairs.Count;
        if (n == 0)
        {
            return new Agreement(0, 0, 0, null);
        }

        var agreed = 0;
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var second = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (a, b) in pairs)
        {
            agreed += string.Equals(a, b, StringComparison.Ordinal) ? 1 : 0;
            first[a] = first.GetValueOrDefault(a) + 1;
            second[b] = second.GetValueOrDefault(b) + 1;
        }

        var observed = (double)agreed / n;
        var expected = first.Sum(kv => (double)kv.Value / n * ((double)second.GetValueOrDefault(kv.Key) / n));
        double? kappa = Math.Abs(1 - expected) < 1e-12 ? null : (observed - expected) / (1 - expected);
        return new Agreement(n, agreed, observed, kappa);
    }
}
