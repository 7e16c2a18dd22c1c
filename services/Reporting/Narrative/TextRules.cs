using System.Globalization;
using System.Text.RegularExpressions;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Reporting.Narrative;

/// <summary>
/// Checks on what users type: required, bounded, printable, and free of the identifiers that most often
/// slip into free text (<see cref="PersonalDetails"/>). Names cannot be detected; the person recording a
/// voice confirms it is de-identified.
/// </summary>
internal static partial class TextRules
{
    public static void Text(List<FieldProblem> problems, string field, string? value, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                problems.Add(new FieldProblem(field, "is required"));
            }

            return;
        }

        if (value.Length > maxLength)
        {
            problems.Add(new FieldProblem(field, $"must be at most {maxLength.ToString(CultureInfo.InvariantCulture)} characters"));
        }
        else if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            problems.Add(new FieldProblem(field, "must not contain control characters"));
        }
        else if (PersonalDetails.Find(value) is { } what)
        {
            problems.Add(new FieldProblem(field, PersonalDetails.Problem(what)));
        }
    }

    public static void Code(List<FieldProblem> problems, string field, string? value, bool required = true)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                problems.Add(new FieldProblem(field, "is required"));
            }

            return;
        }

        if (!CodePattern().IsMatch(value))
        {
            problems.Add(new FieldProblem(field, "must be 1-80 letters, digits, '_', '.' or '-', starting with a letter or digit"));
        }
    }

    public static DateOnly? Date(List<FieldProblem> problems, string field, string? value, bool required = true)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                problems.Add(new FieldProblem(field, "is required (YYYY-MM-DD)"));
            }

            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add(new FieldProblem(field, "must be a date written YYYY-MM-DD"));
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$")]
    private static partial Regex CodePattern();
}
