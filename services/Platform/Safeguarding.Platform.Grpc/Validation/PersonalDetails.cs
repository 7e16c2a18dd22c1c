using System.Text.RegularExpressions;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// The identifiers that most often slip into what users type: e-mail addresses, phone numbers, postcodes (any
/// case, spaced or not), dates of birth (a date beside "born", "DOB", "d.o.b." or "date of birth") and NHS-number-
/// like digit runs (UPNs, case numbers), however they are separated (spaces, dashes, dots) or punctuated around.
/// Services refuse free text that contains one, so it never reaches a database, an event, a log or a span. Names
/// cannot be detected; forms ask the person typing to leave them out. Ordinary report prose stays accepted:
/// financial years ("2025-26", "2024/25"), dates that are not dates of birth ("2025-04-01", "12/03/2025"), period
/// codes, decimals and figures with thousands separators ("1,250", "412.5").
/// </summary>
public static partial class PersonalDetails
{
    /// <summary>What kind of identifier the text seems to contain ("a phone number"), or null.</summary>
    public static string? Find(string? text) =>
        string.IsNullOrEmpty(text) ? null
        : Email().IsMatch(text) ? "an e-mail address"
        : Phone().IsMatch(text) ? "a phone number"
        : Postcode().IsMatch(text) ? "a postcode"
        : DateOfBirth().IsMatch(text) ? "a date of birth"
        : HasIdentifyingNumber(text) ? "an identifying number"
        : null;

    /// <summary>The field problem to report when <see cref="Find"/> found something.</summary>
    public static string Problem(string what) => $"looks like it contains {what}; remove anything that could identify a person";

    // Six or more digits in one number, however grouped: "9434765919", "943 476 5919", "943-476-5919",
    // "943.476.5919". A number with a single dot is a decimal ("1234567.5"), not an identifier; dates and years
    // (which are ordinary in reports) are set aside first.
    private static bool HasIdentifyingNumber(string text)
    {
        foreach (Match number in Number().Matches(DateOrYear().Replace(text, " ")))
        {
            var value = number.ValueSpan;
            var dots = value.Count('.');
            if (dots != 1 && CountDigits(value) >= 6)
            {
                return true;
            }
        }

        return false;
    }

    private static int CountDigits(ReadOnlySpan<char> value)
    {
        var digits = 0;
        foreach (var c in value)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return digits;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<!\d)(?:\+44\s?|0)(?:\d\s?){9,10}(?!\d)")]
    private static partial Regex Phone();

    // UK postcodes as the Royal Mail allocates them (so "Q3 2024", "3pm" and period codes are not mistaken for one),
    // in any case, with or without the space: "SW1A 1AA", "sw1a 1aa", "SW1A1AA", "m1  1ae".
    [GeneratedRegex(
        @"(?<![A-Za-z0-9])(?:GIR\s{0,2}0AA|[A-PR-UWYZ](?:\d[A-HJKMNPR-Y\d]?|[A-HK-Y]\d[ABEHMNPRVWXY\d]?)\s{0,2}\d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Postcode();

    // A full date within a few words after "born", "DOB", "d.o.b.", "date of birth" or "birthday", or just before
    // "(DOB)"/"born": 12/03/2015, 12-03-2015, 12.03.15, 2015-03-12, 12 March 2015, 12th of Mar. 2015, March 12, 2015.
    // A cohort is not a person: "born between 1 September 2014 and 31 August 2015", "born after 2015-09-01" and
    // "born 1 September 2014 to 31 August 2015" are ordinary report prose.
    [GeneratedRegex(
        @"\b(?:born|dob|d\.\s?o\.\s?b\.?|date\s+of\s+birth|birth\s*date|birthday)(?:\W+(?!" + Cohort + @")\w+){0,3}?\W+" + FullDate + NotARange
        + @"|" + FullDate + NotARange + @"(?:\W+\w+){0,1}?\W+(?:dob|d\.\s?o\.\s?b|born)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateOfBirth();

    private const string Cohort = @"(?:between|after|before|since|from|until|during|in)\b";

    private const string NotARange = @"(?!\s*(?:-|\u2013|to|and|until)\s*\d)";

    private const string Month = @"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?";

    private const string FullDate =
        @"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @",?\s+\d{4}|" + Month + @"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})";

    // Set aside before looking for identifying numbers: ISO dates (2025-04-01), day-month-year dates with one
    // separator (12/03/2025, 12-03-2025, 12.03.25), and financial years and year ranges (2025-26, 2024/2025, 2024–25).
    [GeneratedRegex(
        @"(?<!\d)(?<!\d[.,/-])(?:(?:19|20)\d{2}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])|(?:0?[1-9]|[12]\d|3[01])([/.-])(?:0?[1-9]|1[0-2])\1(?:(?:19|20)\d{2}|\d{2})|(?:19|20)\d{2}[-/\u2013](?:(?:19|20)\d{2}|\d{2}))(?!\d)(?![.,/-]\d)",
        RegexOptions.CultureInvariant)]
    private static partial Regex DateOrYear();

    // A number: digits in groups joined by single spaces, dashes or dots, not part of a longer figure written with
    // thousands separators or decimals ("1,250", "412.5"); punctuation around it does not hide it ("9434765919,").
    [GeneratedRegex(@"(?<!\d)(?<!\d[.,])\d(?:[ .-]?\d)*(?!\d)(?![.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
