using System.Globalization;

namespace Safeguarding.Platform.Grpc.Tests.Validation;

/// <summary>
/// Valid identifiers of the kinds people type into free text, generated from a seeded <see cref="Random"/> (so a
/// failure repeats), and the many ways they get written down.
/// </summary>
internal static class Identifiers
{
    private const string UpnCheckLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    /// <summary>A ten-digit NHS number whose last digit is its modulus 11 check digit.</summary>
    public static string NhsNumber(Random random)
    {
        while (true)
        {
            var digits = Enumerable.Range(0, 9).Select(i => i == 0 ? random.Next(1, 10) : random.Next(10)).ToArray();
            var check = 11 - (digits.Select((d, i) => d * (10 - i)).Sum() % 11);
            if (check == 10)
            {
                continue; // no NHS number has this start
            }

            return string.Concat(digits) + (check == 11 ? 0 : check).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>A UPN: its check letter (DfE: weights 2 to 13, modulus 23), then twelve digits.</summary>
    public static string Upn(Random random)
    {
        var digits = string.Concat(Enumerable.Range(0, 12).Select(_ => random.Next(10)));
        var sum = digits.Select((d, i) => (d - '0') * (i + 2)).Sum();
        return UpnCheckLetters[sum % 23] + digits;
    }

    /// <summary>A temporary UPN: a letter, eleven digits, a letter.</summary>
    public static string TemporaryUpn(Random random) =>
        UpnCheckLetters[random.Next(UpnCheckLetters.Length)] + string.Concat(Enumerable.Range(0, 11).Select(_ => random.Next(10))) + (char)('A' + random.Next(26));

    /// <summary>A postcode in one of the six Royal Mail formats (A9, A99, AA9, AA99, A9A, AA9A, then 9AA), upper case, spaced.</summary>
    public static string Postcode(Random random)
    {
        const string first = "ABCDEFGHIJKLMNOPRSTUWYZ";
        const string second = "ABCDEFGHKLMNOPQRSTUVWXY";
        const string third = "ABCDEFGHJKMNPRSTUVWXY";
        const string fourth = "ABEHMNPRVWXY";
        const string inward = "ABDEFGHJLNPQRSTUWXYZ";
        char Pick(string letters) => letters[random.Next(letters.Length)];
        string Digit() => random.Next(10).ToString(CultureInfo.InvariantCulture);
        var outward = random.Next(6) switch
        {
            0 => $"{Pick(first)}{Digit()}",
            1 => $"{Pick(first)}{Digit()}{Digit()}",
            2 => $"{Pick(first)}{Pick(second)}{Digit()}",
            3 => $"{Pick(first)}{Pick(second)}{Digit()}{Digit()}",
            4 => $"{Pick(first)}{Digit()}{Pick(third)}",
            _ => $"{Pick(first)}{Pick(second)}{Digit()}{Pick(fourth)}",
        };
        return $"{outward} {Digit()}{Pick(inward)}{Pick(inward)}";
    }

    /// <summary>A date a child now at school might have been born on.</summary>
    public static DateOnly BirthDate(Random random) => new DateOnly(2006, 1, 1).AddDays(random.Next(20 * 365));

    /// <summary>An NHS number as people write it: run together, in 3-3-4 groups with spaces, dashes or dots.</summary>
    public static IEnumerable<string> NhsSpellings(string number) =>
    [
        number,
        $"{number[..3]} {number[3..6]} {number[6..]}",
        $"{number[..3]}-{number[3..6]}-{number[6..]}",
        $"{number[..3]}.{number[3..6]}.{number[6..]}",
    ];

    /// <summary>A postcode as people write it: any case, with one space, two or none.</summary>
    public static IEnumerable<string> PostcodeSpellings(string postcode, Random random)
    {
        var parts = postcode.Split(' ');
        var mixed = string.Concat(postcode.Select(c => random.Next(2) == 0 ? char.ToLowerInvariant(c) : c));
        return [postcode, postcode.ToLowerInvariant(), mixed, parts[0] + parts[1], (parts[0] + parts[1]).ToLowerInvariant(), parts[0] + "  " + parts[1]];
    }

    /// <summary>A date as people write it.</summary>
    public static IEnumerable<string> DateSpellings(DateOnly date) =>
    [
        date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        date.ToString("d/M/yyyy", CultureInfo.InvariantCulture),
        date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
        date.ToString("dd.MM.yy", CultureInfo.InvariantCulture),
        date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        date.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture),
        $"{date.Day}{Ordinal(date.Day)} of {date.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}",
    ];

    /// <summary>Where an identifier sits in what someone typed: alone, punctuated, bracketed, mid-sentence.</summary>
    public static IEnumerable<string> InText(string value) =>
    [
        value,
        value + ",",
        value + ".",
        value + ";",
        "(" + value + ")",
        "[" + value + "]",
        "'" + value + "'",
        "\"" + value + "\"",
        "#" + value,
        "ref:" + value,
        "Seen on Monday, " + value + ", and referred.",
        "Details: " + value + "\nFollow up next week.",
    ];

    private static string Ordinal(int day) => day is 11 or 12 or 13 ? "th" : (day % 10) switch
    {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    };
}
