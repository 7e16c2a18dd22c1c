using System.Buffers;
using System.Text.RegularExpressions;

namespace Safeguarding.Measures.Domain;

/// <summary>
/// Shared rules for identifiers and free text, so every type checks them the same way. The identifier
/// checks are plain character scans: they run for every imported row, where regexes cost more than the rest of the row.
/// </summary>
public static partial class Text
{
    private static readonly SearchValues<char> SlugTail = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789_.-");
    private static readonly SearchValues<char> OrganisationCodeTail = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");
    private static readonly SearchValues<char> UserIdTail = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.@:|-");

    /// <summary>Ids of measures, content areas, breakdown dimensions: lower-case, dots/underscores/hyphens ("^[a-z][a-z0-9_.-]{0,79}$").</summary>
    public static bool IsSlug(string? value) =>
        value is { Length: > 0 and <= 80 } && char.IsAsciiLetterLower(value[0]) && !value.AsSpan(1).ContainsAnyExcept(SlugTail);

    /// <summary>Organisation codes as statistics publish them (E09000001) or the registry issues them ("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$").</summary>
    public static bool IsOrganisationCode(string? value) =>
        value is { Length: > 0 and <= 32 } && char.IsAsciiLetterOrDigit(value[0]) && !value.AsSpan(1).ContainsAnyExcept(OrganisationCodeTail);

    /// <summary>A user id from the identity provider (a subject claim): never a name, never a child ("^[A-Za-z0-9][A-Za-z0-9_.@:|-]{0,127}$").</summary>
    public static bool IsUserId(string? value) =>
        value is { Length: > 0 and <= 128 } && char.IsAsciiLetterOrDigit(value[0]) && !value.AsSpan(1).ContainsAnyExcept(UserIdTail);

    /// <summary>Single-line text without control characters, within a length.</summary>
    public static bool IsLabel(string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > maxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The problem with free text a user typed (a reason, a title) that seems to contain a personal
    /// identifier (<see cref="Platform.Grpc.PersonalDetails"/>), or null: such text is refused, never stored.
    /// </summary>
    public static string? PersonalDetailProblem(string? value) =>
        Platform.Grpc.PersonalDetails.Find(value) is { } what ? Platform.Grpc.PersonalDetails.Problem(what) : null;

    /// <summary>Throws the validation error for <paramref name="field"/> when its text seems to identify a person.</summary>
    public static void RefusePersonalDetail(string field, string? value)
    {
        if (PersonalDetailProblem(value) is { } problem)
        {
            throw new DomainValidationException(field, problem);
        }
    }

    /// <summary>Trims and collapses runs of whitespace; used before hashing so spacing never changes meaning.</summary>
    public static string Normalise(string? value) =>
        value is null ? string.Empty : WhitespacePattern().Replace(value.Trim(), " ");

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhitespacePattern();
}
