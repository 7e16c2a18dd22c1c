using System.Globalization;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Audits.Domain;

/// <summary>Checks of what users type: ids, labels and free text (which must not identify anyone).</summary>
public static class Text
{
    /// <summary>An id: letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64 characters.</summary>
    public static bool IsId(string? value) =>
        value is { Length: > 0 and <= 64 }
        && char.IsAsciiLetterOrDigit(value[0])
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>An organisation code (as the measures service knows them): letters, digits and '-', at most 32.</summary>
    public static bool IsOrganisationCode(string? value) =>
        value is { Length: > 0 and <= 32 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>
    /// Checks free text of at most <paramref name="max"/> characters: refused when too long or when it carries a
    /// personal detail (names with dates of birth, NHS numbers, UPNs, postcodes, phone numbers, e-mail addresses).
    /// </summary>
    public static void CheckFree(string? value, string field, int max, Problems problems, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                problems.Add(field, "is required");
            }

            return;
        }

        if (value.Length > max)
        {
            problems.Add(field, $"must be at most {max} characters");
        }
        else if (PersonalDetails.Find(value) is { } what)
        {
            problems.Add(field, PersonalDetails.Problem(what));
        }
    }

    /// <summary>An ISO date ("2025-06-30").</summary>
    public static bool TryDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
