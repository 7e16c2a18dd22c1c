using System.Text.RegularExpressions;

namespace Safeguarding.Measures.Domain;

/// <summary>Shared rules for identifiers and free text, so every type checks them the same way.</summary>
public static partial class Text
{
    /// <summary>Ids of measures, content areas, breakdown dimensions: lower-case, dots/underscores/hyphens.</summary>
    public static bool IsSlug(string? value) => value is not null && SlugPattern().IsMatch(value);

    /// <summary>Organisation codes as statistics publish them (E09000001) or the registry issues them.</summary>
    public static bool IsOrganisationCode(string? value) => value is not null && OrganisationCodePattern().IsMatch(value);

    /// <summary>A user id from the identity provider (a subject claim): never a name, never a child.</summary>
    public static bool IsUserId(string? value) => value is not null && UserIdPattern().IsMatch(value);

    /// <summary>Single-line text without control characters, within a length.</summary>
    public static bool IsLabel(string? value, int maxLength) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= maxLength && !value.Any(char.IsControl);

    /// <summary>Trims and collapses runs of whitespace; used before hashing so spacing never changes meaning.</summary>
    public static string Normalise(string? value) =>
        value is null ? string.Empty : WhitespacePattern().Replace(value.Trim(), " ");

    [GeneratedRegex("^[a-z][a-z0-9_.-]{0,79}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex OrganisationCodePattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.@:|-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserIdPattern();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhitespacePattern();
}
