using System.Globalization;
using System.Text.RegularExpressions;

namespace Safeguarding.EndToEnd.Tests.Privacy;

/// <summary>The kinds of child or family identifier the scanner looks for.</summary>
public enum PersonalDataKind
{
    Email,
    UkPhoneNumber,
    NhsNumber,
    Upn,
    NationalInsuranceNumber,
    Postcode,
    DateOfBirth,

    /// <summary>A value a test planted where a careless service would leak it.</summary>
    Canary,
}

/// <summary>One suspected identifier: what kind, the text matched and where.</summary>
public sealed record PersonalDataFinding(PersonalDataKind Kind, string Value, int Index, string Source)
{
    public override string ToString() => $"{Kind} '{Value}' at {Index.ToString(CultureInfo.InvariantCulture)} in {Source}";
}

/// <summary>
/// Looks for identifiers of children and families in text that should hold none (logs, spans, events):
/// e-mail addresses, UK phone numbers, NHS numbers (ten digits passing the modulus 11 check, spaced or
/// not), UPNs (a check letter and twelve digits, or the temporary form ending in a letter), National
/// Insurance numbers, UK postcodes, dates beside "born"/"DOB"/"date of birth", and any canary values
/// a test planted. It is tuned not to flag ordinary telemetry: trace and span ids, GUIDs, ISO
/// timestamps, measure ids, ONS codes (E09000007), periods (2025-04/P12M), addresses and ports.
/// Names cannot be recognised in general: plant them as canaries.
/// </summary>
public sealed partial class PersonalDataScanner
{
    private const string UpnCheckLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private readonly IReadOnlyList<string> _canaries;

    public PersonalDataScanner(IEnumerable<string>? canaries = null)
    {
        _canaries = [.. (canaries ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The canary values this scanner also looks for (case-insensitively, as substrings).</summary>
    public IReadOnlyList<string> Canaries => _canaries;

    /// <summary>Every suspected identifier in <paramref name="text"/>, in order of position.</summary>
    public IReadOnlyList<PersonalDataFinding> Scan(string? text, string source = "text")
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var findings = new List<PersonalDataFinding>();
        void Add(PersonalDataKind kind, Match match) => findings.Add(new PersonalDataFinding(kind, match.Value, match.Index, source));

        foreach (Match match in Email().Matches(text))
        {
            Add(PersonalDataKind.Email, match);
        }

        foreach (Match match in PhoneCandidate().Matches(text))
        {
            if (IsUkPhoneNumber(match.Value))
            {
                Add(PersonalDataKind.UkPhoneNumber, match);
            }
        }

        foreach (Match match in TenDigits().Matches(text))
        {
            if (IsNhsNumber(match.Value))
            {
                Add(PersonalDataKind.NhsNumber, match);
            }
        }

        foreach (Match match in Upn().Matches(text))
        {
            Add(PersonalDataKind.Upn, match);
        }

        foreach (Match match in NationalInsurance().Matches(text))
        {
            Add(PersonalDataKind.NationalInsuranceNumber, match);
        }

        foreach (Match match in Postcode().Matches(text))
        {
            Add(PersonalDataKind.Postcode, match);
        }

        foreach (Match match in DateOfBirth().Matches(text))
        {
            Add(PersonalDataKind.DateOfBirth, match);
        }

        foreach (var canary in _canaries)
        {
            for (var at = text.IndexOf(canary, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(canary, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(new PersonalDataFinding(PersonalDataKind.Canary, text.Substring(at, canary.Length), at, source));
            }
        }

        return [.. findings.OrderBy(f => f.Index).ThenBy(f => f.Kind)];
    }

    /// <summary>Scans many texts (each named by its source) and returns every finding.</summary>
    public IReadOnlyList<PersonalDataFinding> ScanAll(IEnumerable<(string Source, string Text)> texts) =>
        [.. (texts ?? []).SelectMany(t => Scan(t.Text, t.Source))];

    /// <summary>Whether ten digits (spaces and hyphens ignored) pass the NHS number modulus 11 check.</summary>
    public static bool IsNhsNumber(string text)
    {
        var digits = DigitsOf(text);
        if (digits.Length != 10)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && check == digits[9] - '0';
    }

    /// <summary>The check letter of a UPN whose last twelve characters are <paramref name="digits"/> (DfE: weights 2..13, modulus 23).</summary>
    public static char UpnCheckLetter(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (digits.Length != 12 || !digits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A UPN has twelve digits after its check letter.", nameof(digits));
        }

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (digits[i] - '0') * (i + 2);
        }

        return UpnCheckLetters[sum % 23];
    }

    private static bool IsUkPhoneNumber(string text)
    {
        var digits = DigitsOf(text);
        if (digits.StartsWith("0044", StringComparison.Ordinal))
        {
            digits = "0" + digits[4..];
        }
        else if (digits.StartsWith("44", StringComparison.Ordinal) && text.TrimStart().StartsWith('+'))
        {
            digits = "0" + digits[2..];
        }

        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            digits = "0" + digits[2..]; // "+44 (0)20 ..." written with the trunk zero
        }

        // UK numbers: a trunk 0, then 9 or 10 digits, with a geographic (1, 2), non-geographic (3, 8, 9) or mobile (7) prefix.
        return digits.Length is 10 or 11 && digits[0] == '0' && digits[1] is '1' or '2' or '3' or '7' or '8' or '9';
    }

    private static string DigitsOf(string text) => new([.. text.Where(char.IsAsciiDigit)]);

    [GeneratedRegex(@"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // A trunk 0 or +44/0044, then digit groups with single spaces or hyphens and an optional bracketed
    // area code; not inside a word, a dotted address, a path or a hyphenated id (GUIDs, trace parents).
    [GeneratedRegex(@"(?<![\w.+/:-])(?:(?:\+|00)44[ -]?(?:\(0\)[ -]?)?|\(0|0)\d{1,4}\)?(?:[ -]?\d{2,4}){2,4}(?![\w/]|[.:-]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneCandidate();

    [GeneratedRegex(@"(?<![\w./-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\w/]|[.:-]\d|[ -]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex TenDigits();

    // A check letter (not I, O or S) and twelve digits; or the temporary form, a letter and eleven digits and a letter.
    [GeneratedRegex(@"(?<![\w-])(?:[A-HJ-NP-RT-Z]\d{12}|[A-HJ-NP-RT-Z]\d{11}[A-Z])(?![\w-])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Upn();

    [GeneratedRegex(@"(?<![\w-])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\w-])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NationalInsurance();

    // Outward code (area letters, district) and inward code (sector digit, unit letters), upper case as written on post.
    [GeneratedRegex(@"(?<![\w-])(?:GIR ?0AA|[A-PR-UWYZ](?:\d[A-HJKMNPR-Y\d]?|[A-HK-Y]\d[ABEHMNPRVWXY\d]?) ?\d[ABD-HJLNP-UW-Z]{2})(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex Postcode();

    // A date within a few words after "born", "DOB", "D.O.B." or "date of birth".
    [GeneratedRegex(
        @"\b(?:born|dob|d\.o\.b\.?|date\s+of\s+birth|birth\s*date|birthday)(?:\W+\w+){0,3}?\W+(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DateOfBirth();
}
