using System.Text.RegularExpressions;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// The identifiers that most often slip into what users type: e-mail addresses, phone numbers,
/// postcodes, and NHS-number-like digit runs (UPNs, case numbers). Services refuse free text that
/// contains one, so it never reaches a database, an event, a log or a span. Names cannot be detected;
/// forms ask the person typing to leave them out.
/// </summary>
public static partial class PersonalDetails
{
    /// <summary>What kind of identifier the text seems to contain ("a phone number"), or null.</summary>
    public static string? Find(string? text) =>
        string.IsNullOrEmpty(text) ? null
        : Email().IsMatch(text) ? "an e-mail address"
        : Phone().IsMatch(text) ? "a phone number"
        : Postcode().IsMatch(text) ? "a postcode"
        : LongNumber().IsMatch(YearOrDate().Replace(text, " ")) ? "an identifying number"
        : null;

    /// <summary>The field problem to report when <see cref="Find"/> found something.</summary>
    public static string Problem(string what) => $"looks like it contains {what}; remove anything that could identify a person";

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
