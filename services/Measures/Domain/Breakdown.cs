namespace Safeguarding.Measures.Domain;

/// <summary>
/// Which slice of an organisation's figure an observation is: empty for the total, or values for some
/// of the measure's breakdown dimensions (team "North", age band "10-15"). Held sorted by dimension
/// so equal breakdowns have equal keys.
/// </summary>
public sealed record Breakdown
{
    public const int MaxValueLength = 100;

    private Breakdown(ValueList<BreakdownItem> items)
    {
        Items = items;
        Key = string.Join(';', items.Select(i => $"{i.Dimension}={Uri.EscapeDataString(i.Value)}"));
    }

    public static Breakdown Total { get; } = new([]);

    public ValueList<BreakdownItem> Items { get; }

    public bool IsTotal => Items.Count == 0;

    /// <summary>Canonical text, e.g. "age_band=10-15;team=North"; empty for the total. Values are escaped.</summary>
    public string Key { get; }

    public static Breakdown Of(params IEnumerable<(string Dimension, string Value)> items)
    {
        var problems = new ValidationProblems();
        var list = items.Select(i => new BreakdownItem(i.Dimension, i.Value?.Trim() ?? string.Empty)).ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var field = FieldPath.Index("breakdown", i);
            if (!Text.IsSlug(list[i].Dimension))
            {
                problems.Add(field + ".dimension", $"'{list[i].Dimension}' is not a valid dimension id (lower-case letters, digits, '_', '.', '-')");
            }

            if (!Text.IsLabel(list[i].Value, MaxValueLength))
            {
                problems.Add(field + ".value", $"must be single-line text of 1 to {MaxValueLength} characters");
            }
        }

        foreach (var duplicate in list.GroupBy(i => i.Dimension, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add("breakdown", $"dimension '{duplicate.Key}' is given more than once");
        }

        problems.ThrowIfAny();
        return list.Count == 0 ? Total : new Breakdown(list.OrderBy(i => i.Dimension, StringComparer.Ordinal).ToValueList());
    }

    /// <summary>Reads a <see cref="Key"/> back (stored rows, requests that name a breakdown by its key).</summary>
    public static Breakdown FromKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return Total;
        }

        var items = new List<(string, string)>();
        foreach (var part in key.Split(';'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new DomainValidationException("breakdown", $"'{part}' is not dimension=value");
            }

            items.Add((part[..equals], Uri.UnescapeDataString(part[(equals + 1)..])));
        }

        return Of(items);
    }

    public string? ValueOf(string dimension) => Items.FirstOrDefault(i => i.Dimension == dimension)?.Value;

    public override string ToString() => IsTotal ? "total" : Key;
}

public sealed record BreakdownItem(string Dimension, string Value);

/// <summary>Dimensions the framework names (reports broken down by team/locality); organisations may add their own.</summary>
public static class BreakdownDimensions
{
    public const string Team = "team";
    public const string Locality = "locality";
    public const string AgeBand = "age_band";
    public const string Agency = "agency";
}
