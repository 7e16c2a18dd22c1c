using System.Text.RegularExpressions;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.CaseReviews.Domain;

/// <summary>Checks on what people type and the codes they send.</summary>
public static partial class Text
{
    /// <summary>Free text: required or not, at most <paramref name="max"/> characters, no personal details.</summary>
    public static string? Free(string field, string? value, int max, bool required)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return required ? throw new InvalidFieldException(field, "is required") : null;
        }

        if (text.Length > max)
        {
            throw new InvalidFieldException(field, $"must be at most {max} characters");
        }

        if (PersonalDetails.Find(text) is { } found)
        {
            throw new InvalidFieldException(field, PersonalDetails.Problem(found));
        }

        return text;
    }

    /// <summary>An organisation code (letters, digits, '_' and '-').</summary>
    public static string OrganisationCode(string field, string? value, bool required = true)
    {
        var code = value?.Trim() ?? "";
        if (code.Length == 0)
        {
            return required ? throw new InvalidFieldException(field, "is required") : "";
        }

        return CodePattern().IsMatch(code) ? code : throw new InvalidFieldException(field, "must be an organisation code (letters, digits, '_' and '-')");
    }

    /// <summary>A kebab-case id (content areas, themes, measures' ids may also carry dots).</summary>
    public static string Id(string field, string? value)
    {
        var id = value?.Trim() ?? "";
        return IdPattern().IsMatch(id) ? id : throw new InvalidFieldException(field, "must be an id of lower-case letters, digits, '-' and '.'");
    }

    /// <summary>
    /// A child's pseudonymous reference as reviews publish them: "Child Q", "Baby R", "Children A and B",
    /// "Young Person T", "Family W". A name would not fit (capital letters or digits, at most four).
    /// </summary>
    public static string? ChildReference(string field, string? value, bool required)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            return required ? throw new InvalidFieldException(field, "is required: a pseudonymous label such as \"Child Q\"") : null;
        }

        return ChildPattern().IsMatch(text) ? text
            : throw new InvalidFieldException(field, "must be a pseudonymous label such as \"Child Q\", \"Baby R\" or \"Children A and B\"; never a name");
    }

    /// <summary>A "YYYY-MM-DD" date.</summary>
    public static DateOnly Date(string field, string? value)
    {
        return DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidFieldException(field, string.IsNullOrWhiteSpace(value) ? "is required (YYYY-MM-DD)" : "must be a date as YYYY-MM-DD");
    }

    public static DateOnly? OptionalDate(string field, string? value) => string.IsNullOrWhiteSpace(value) ? null : Date(field, value);

    public static string Iso(this DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Iso(this DateOnly? date) => date?.Iso() ?? "";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{0,99}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^(Child|Children|Baby|Young Person|Family|Sibling Group) [A-Z0-9]{1,4}( (and|&) [A-Z0-9]{1,4})?$")]
    private static partial Regex ChildPattern();
}
