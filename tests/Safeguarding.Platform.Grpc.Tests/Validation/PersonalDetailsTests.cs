namespace Safeguarding.Platform.Grpc.Tests.Validation;

/// <summary>
/// The shared check on free text: what an outside probe got stored (an NHS number followed by a comma or written
/// with dots, a lower-case postcode, a name with a date of birth) is refused, and ordinary report prose is not.
/// </summary>
public sealed class PersonalDetailsTests
{
    private const string Number = "an identifying number";
    private const string Postcode = "a postcode";
    private const string DateOfBirth = "a date of birth";

    [Theory]
    [InlineData("Referred with NHS number 9434765919, then closed.", Number)]
    [InlineData("9434765919,", Number)]
    [InlineData(",9434765919", Number)]
    [InlineData("NHS 9434765919.", Number)]
    [InlineData("NHS: 943.476.5919", Number)]
    [InlineData("NHS 943 476 5919", Number)]
    [InlineData("NHS 943-476-5919", Number)]
    [InlineData("(943.476.5919)", Number)]
    [InlineData("Moved to sw1a 1aa last month.", Postcode)]
    [InlineData("SW1A1AA", Postcode)]
    [InlineData("Lives at m1  1ae.", Postcode)]
    [InlineData("Jane Smith, DOB 12/03/2015", DateOfBirth)]
    [InlineData("Jane Smith (born 12-03-2015)", DateOfBirth)]
    [InlineData("Jane Smith, born on 12 March 2015", DateOfBirth)]
    [InlineData("Jane Smith d.o.b. 2015-03-12", DateOfBirth)]
    [InlineData("Jane Smith, date of birth: 12th of March 2015", DateOfBirth)]
    [InlineData("Jane Smith 12/03/2015 (DOB)", DateOfBirth)]
    [InlineData("Child's NHS number 943 476 5919 was shared.", Number)]
    [InlineData("Case 2025-123456 was escalated.", Number)]
    [InlineData("UPN 2012345678901 appears twice.", Number)]
    [InlineData("UPN a123456789012.", Number)]
    [InlineData("Call mum on 07700 900123.", "a phone number")]
    [InlineData("Lives at NW1 2DB.", Postcode)]
    [InlineData("Email a.parent@example.org for details.", "an e-mail address")]
    public void Identifiers_are_refused_however_they_are_written(string text, string what) =>
        Assert.Equal(what, PersonalDetails.Find(text));

    [Theory]
    [InlineData("In 2025-26 re-referrals fell for the second year.")]
    [InlineData("Compared with 2024/2025, timeliness improved.")]
    [InlineData("From 2023/24 to 2024\u201325 the rate held.")]
    [InlineData("The audit on 2025-04-01 covered 24 cases; 1,250 contacts were screened.")]
    [InlineData("Rates per 10,000 children rose from 412.5 to 430.1.")]
    [InlineData("Figures for 2024-04/P12M and 2025-01/P3M are final.")]
    [InlineData("The board met on 12/03/2025, on 12-03-2025 and again on 12.03.2025.")]
    [InlineData("The board met on 12 March 2025 at 3pm.")]
    [InlineData("Q3 2024 was the busiest quarter; Q4 2024 less so.")]
    [InlineData("Spending rose to 1234567.50 in the year.")]
    [InlineData("Children born between 1 September 2014 and 31 August 2015 start Year 5.")]
    [InlineData("Children born 1 September 2014 to 31 August 2015 are in the cohort.")]
    [InlineData("Children born in 2015 are in Year 5; born after 2015-09-01, Year 4.")]
    [InlineData("Newborn checks are covered by version 2.1.3 of the protocol.")]
    public void Ordinary_report_text_with_years_dates_and_figures_is_accepted(string text) =>
        Assert.Null(PersonalDetails.Find(text));
}
