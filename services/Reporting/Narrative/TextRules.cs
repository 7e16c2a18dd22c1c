using System.Globalization;
using System.Text.RegularExpressions;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Reporting.Narrative;

/// <summary>
/// Checks on what users type: required, bounded, printable, and free of the identifiers that most often
/// slip into free text (e-mail addresses, phone numbers, postcodes, NHS-number-like digit runs). Names cannot
/// be detected; the person recording a voice confirms it is de-identified.
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
        else if (PersonalDetail(value) is { } what)
        {
            problems.Add(new FieldProblem(field, $"looks like it contains {what}; remove anything that could identify a person"));
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

    private static string? PersonalDetail(string value) =>
        Email().IsMatch(value) ? "an e-mail address"
        : Phone().IsMatch(value) ? "a phone number"
        : Postcode().IsMatch(value) ? "a postcode"
        : LongNumber().IsMatch(YearOrDate().Replace(value, " ")) ? "an identifying number"
        : null;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<!\d)(?:\+44\s?|0)(?:\d\s?){9,10}(?!\d)")]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")]
    private static partial Regex Postcode();

    // Financial years ("2025-26", "2024/2025") and ISO dates are ordinary in reports; they are not
    // identifying numbers, so they are set aside before the digit-run check.
    [GeneratedRegex(@"(?<![\d.,])(?:19|20)\d{2}(?:-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])|[-/\u2013](?:(?:19|20)\d{2}|\d{2}))(?![\d.,])")]
    private static partial Regex YearOrDate();

    // NHS numbers (3-3-4), UPNs and case numbers: six or more digits in a row, allowing single spaces or dashes.
    [GeneratedRegex(@"(?<![\d.,])\d(?:[ -]?\d){5,}(?![\d.,])")]
    private static partial Regex LongNumber();
}
