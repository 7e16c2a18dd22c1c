using System.Globalization;

namespace Safeguarding.Platform.Grpc.Tests.Validation;

/// <summary>
/// Generated identifiers (seeded, so a failure repeats) in every spelling and setting people use are refused; the
/// years, dates and period codes of ordinary reports, generated the same way, are not.
/// </summary>
public sealed class PersonalDetailsPropertyTests
{
    private const int Samples = 300;

    private const string Number = "an identifying number";

    [Fact]
    public void Valid_nhs_numbers_are_refused_in_every_spelling_and_setting() =>
        AllRefused(19_01, random => Identifiers.NhsSpellings(Identifiers.NhsNumber(random)).SelectMany(Identifiers.InText), Number);

    // Refused as a number, or as a phone number when the digits start with 0: refused either way.
    [Fact]
    public void Valid_upns_are_refused_in_either_case_and_every_setting() =>
        AllRefused(19_02, random => new[] { Identifiers.Upn(random), Identifiers.TemporaryUpn(random) }
            .SelectMany(u => new[] { u, u.ToLowerInvariant() }).SelectMany(Identifiers.InText), Number, "a phone number");

    [Fact]
    public void Valid_postcodes_are_refused_in_any_case_spaced_or_not_and_in_every_setting() =>
        AllRefused(19_03, random => Identifiers.PostcodeSpellings(Identifiers.Postcode(random), random).SelectMany(Identifiers.InText), "a postcode");

    [Fact]
    public void A_name_with_a_date_of_birth_is_refused_in_every_common_format()
    {
        string[] forms = ["Jane Smith, DOB {0}", "Jane Smith (born {0})", "Jane Smith, born on {0}", "Jane Smith d.o.b. {0}", "Jane Smith D.O.B: {0}", "Jane Smith, date of birth {0}", "Jane Smith {0} (DOB)"];
        AllRefused(19_04, random => Identifiers.DateSpellings(Identifiers.BirthDate(random)).SelectMany(date => forms.Select(f => string.Format(CultureInfo.InvariantCulture, f, date))), "a date of birth");
    }

    [Fact]
    public void The_same_dates_in_ordinary_prose_are_accepted() =>
        NoneRefused(19_04, random => Identifiers.DateSpellings(Identifiers.BirthDate(random)).Select(date => $"The board met on {date} and agreed the plan."));

    [Fact]
    public void Financial_years_iso_dates_and_period_codes_of_any_year_are_accepted() => NoneRefused(19_05, random =>
    {
        var year = random.Next(1990, 2040);
        var month = random.Next(1, 13);
        var next = (year + 1) % 100;
        var day = new DateOnly(year, month, 1).AddDays(random.Next(28));
        return
        [
            $"In {year}-{next:00} the rate fell.",
            $"Compared with {year}/{next:00} and {year}/{year + 1}, it rose.",
            $"From {year}\u2013{next:00} onwards.",
            $"The audit on {day:yyyy-MM-dd} found 1,250 contacts at a rate of 412.5 per 10,000.",
            $"Figures for {year}-{month:00}/P12M and {year}-{month:00}/P3M are final.",
            $"Q{random.Next(1, 5)} {year} closed with {random.Next(100, 999)} referrals.",
        ];
    });

    /// <summary>Every text generated (<see cref="Samples"/> rounds from <paramref name="seed"/>) is refused as one of <paramref name="kinds"/>.</summary>
    private static void AllRefused(int seed, Func<Random, IEnumerable<string>> generate, params string[] kinds)
    {
        var missed = Generate(seed, generate).Where(t => !kinds.Contains(PersonalDetails.Find(t))).ToList();
        Assert.True(missed.Count == 0, $"Not refused as {string.Join(" or ", kinds)} ({missed.Count}):\n" + string.Join("\n", missed.Take(20)));
    }

    /// <summary>No text generated is refused.</summary>
    private static void NoneRefused(int seed, Func<Random, IEnumerable<string>> generate)
    {
        var refused = Generate(seed, generate).Where(t => PersonalDetails.Find(t) is not null).Distinct().ToList();
        Assert.True(refused.Count == 0, $"Ordinary text refused ({refused.Count}):\n" + string.Join("\n", refused.Take(20)));
    }

    private static List<string> Generate(int seed, Func<Random, IEnumerable<string>> generate)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, Samples).SelectMany(_ => generate(random).ToList())];
    }
}
