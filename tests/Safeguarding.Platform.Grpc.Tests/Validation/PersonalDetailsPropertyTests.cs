namespace Safeguarding.Platform.Grpc.Tests.Validation;

/// <summary>
/// Generated identifiers (seeded, so a failure repeats) in every spelling and setting people use are refused; the
/// years, dates and period codes of ordinary reports, generated the same way, are not.
/// </summary>
public sealed class PersonalDetailsPropertyTests
{
    private const int Samples = 300;

    [Fact]
    public void Valid_nhs_numbers_are_refused_in_every_spelling_and_setting()
    {
        var random = new Random(19_01);
        var accepted = new List<string>();
        for (var i = 0; i < Samples; i++)
        {
            foreach (var text in Identifiers.NhsSpellings(Identifiers.NhsNumber(random)).SelectMany(Identifiers.InText))
            {
                if (PersonalDetails.Find(text) != "an identifying number")
                {
                    accepted.Add(text);
                }
            }
        }

        Assert.True(accepted.Count == 0, "NHS numbers not refused:\n" + string.Join("\n", accepted.Take(20)));
    }

    [Fact]
    public void Valid_upns_are_refused_in_either_case_and_every_setting()
    {
        var random = new Random(19_02);
        var accepted = new List<string>();
        for (var i = 0; i < Samples; i++)
        {
            var upns = new[] { Identifiers.Upn(random), Identifiers.TemporaryUpn(random) };
            foreach (var text in upns.SelectMany(u => new[] { u, u.ToLowerInvariant() }).SelectMany(Identifiers.InText))
            {
                // Refused as a number, or as a phone number when the digits start with 0: refused either way.
                if (PersonalDetails.Find(text) is not ("an identifying number" or "a phone number"))
                {
                    accepted.Add(text);
                }
            }
        }

        Assert.True(accepted.Count == 0, "UPNs not refused:\n" + string.Join("\n", accepted.Take(20)));
    }

    [Fact]
    public void Valid_postcodes_are_refused_in_any_case_spaced_or_not_and_in_every_setting()
    {
        var random = new Random(19_03);
        var accepted = new List<string>();
        for (var i = 0; i < Samples; i++)
        {
            foreach (var text in Identifiers.PostcodeSpellings(Identifiers.Postcode(random), random).SelectMany(Identifiers.InText))
            {
                if (PersonalDetails.Find(text) != "a postcode")
                {
                    accepted.Add(text);
                }
            }
        }

        Assert.True(accepted.Count == 0, "Postcodes not refused:\n" + string.Join("\n", accepted.Take(20)));
    }

    [Fact]
    public void A_name_with_a_date_of_birth_is_refused_in_every_common_format_and_the_same_date_in_prose_is_not()
    {
        var random = new Random(19_04);
        string[] forms = ["Jane Smith, DOB {0}", "Jane Smith (born {0})", "Jane Smith, born on {0}", "Jane Smith d.o.b. {0}", "Jane Smith D.O.B: {0}", "Jane Smith, date of birth {0}", "Jane Smith {0} (DOB)"];
        var accepted = new List<string>();
        var refused = new List<string>();
        for (var i = 0; i < Samples / 3; i++)
        {
            foreach (var date in Identifiers.DateSpellings(Identifiers.BirthDate(random)))
            {
                accepted.AddRange(forms.Select(f => string.Format(System.Globalization.CultureInfo.InvariantCulture, f, date)).Where(t => PersonalDetails.Find(t) != "a date of birth"));
                var prose = $"The board met on {date} and agreed the plan.";
                if (PersonalDetails.Find(prose) is not null)
                {
                    refused.Add(prose);
                }
            }
        }

        Assert.True(accepted.Count == 0, "Dates of birth not refused:\n" + string.Join("\n", accepted.Take(20)));
        Assert.True(refused.Count == 0, "Meeting dates refused:\n" + string.Join("\n", refused.Take(20)));
    }

    [Fact]
    public void Financial_years_iso_dates_and_period_codes_of_any_year_are_accepted()
    {
        var random = new Random(19_05);
        var refused = new List<string>();
        for (var i = 0; i < Samples; i++)
        {
            var year = random.Next(1990, 2040);
            var month = random.Next(1, 13);
            var next = (year + 1) % 100;
            var day = new DateOnly(year, month, 1).AddDays(random.Next(28));
            string[] texts =
            [
                $"In {year}-{next:00} the rate fell.",
                $"Compared with {year}/{next:00} and {year}/{year + 1}, it rose.",
                $"From {year}\u2013{next:00} onwards.",
                $"The audit on {day:yyyy-MM-dd} found 1,250 contacts at a rate of 412.5 per 10,000.",
                $"Figures for {year}-{month:00}/P12M and {year}-{month:00}/P3M are final.",
                $"Q{random.Next(1, 5)} {year} closed with {random.Next(100, 999)} referrals.",
            ];
            refused.AddRange(texts.Where(t => PersonalDetails.Find(t) is not null));
        }

        Assert.True(refused.Count == 0, "Ordinary report text refused:\n" + string.Join("\n", refused.Distinct().Take(20)));
    }
}
