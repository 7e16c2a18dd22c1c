using System.Text.RegularExpressions;

namespace Safeguarding.Measures.Domain;

/// <summary>
/// Decides whether a cell may be quoted back in a problem description. Reports and logs must never
/// carry a person's details, and a misaligned file can put anything in any column, so only values
/// that cannot identify anyone are echoed: numbers, short codes, organisation-style codes (with a
/// digit) and labels from a known vocabulary. Anything else is described by its length.
/// </summary>
public static partial class SafeText
{
    private const int MaxEcho = 40;

    public static string Quote(string? text, IEnumerable<string>? knownLabels = null)
    {
        var value = text?.Trim() ?? string.Empty;
        return value.Length == 0 ? "a blank value"
            : IsSafe(value, knownLabels) ? $"'{value}'"
            : $"a value of {value.Length} characters (not shown)";
    }

    public static bool IsSafe(string? text, IEnumerable<string>? knownLabels = null)
    {
        var value = text?.Trim() ?? string.Empty;
        return value.Length is > 0 and <= MaxEcho && (NumberLike().IsMatch(value) || ShortToken().IsMatch(value) || CodeLike().IsMatch(value)
            || (knownLabels?.Contains(value, StringComparer.OrdinalIgnoreCase) ?? false));
    }

    [GeneratedRegex(@"^[-+]?[0-9][0-9.,]{0,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLike();

    [GeneratedRegex(@"^[A-Za-z/\[\]*:.~-]{1,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortToken();

    [GeneratedRegex(@"^(?=.*[0-9])[A-Za-z0-9_-]{1,32}(\s?/\s?[A-Za-z0-9_-]{1,32})*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeLike();
}
