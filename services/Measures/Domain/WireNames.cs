using System.Collections.Frozen;

namespace Safeguarding.Measures.Domain;

/// <summary>
/// snake_case names for domain enums ("rate_per_10000", "months_12"), as used in YAML mappings, the
/// framework library and proto enum suffixes. Derived from the member names so they cannot drift.
/// </summary>
public static class WireNames
{
    public static string ToWire<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Names<TEnum>.ByValue.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(TEnum).Name}.");

    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return text is not null && Names<TEnum>.ByName.TryGetValue(text.Trim(), out value);
    }

    /// <summary>Parses or records a problem naming the field and the legal values.</summary>
    public static TEnum? Parse<TEnum>(string? text, string field, ValidationProblems problems)
        where TEnum : struct, Enum
    {
        if (TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        problems.Add(field, string.IsNullOrWhiteSpace(text)
            ? $"is required; one of {Legal<TEnum>()}"
            : $"'{text}' is not one of {Legal<TEnum>()}");
        return null;
    }

    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Names<TEnum>.Ordered;

    public static string Legal<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Names<TEnum>.Ordered);

    internal static string ToSnakeCase(string pascal) => Platform.Persistence.SnakeCaseColumns.From(pascal);

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ByValue =
            Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(v => v, v => ToSnakeCase(v.ToString()));

        public static readonly FrozenDictionary<string, TEnum> ByName =
            ByValue.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

        public static readonly IReadOnlyList<string> Ordered = [.. Enum.GetValues<TEnum>().Distinct().Select(v => ByValue[v])];
    }
}
