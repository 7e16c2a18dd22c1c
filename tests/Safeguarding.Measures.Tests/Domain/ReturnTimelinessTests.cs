using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Tests.Domain;

/// <summary>Completeness and timeliness of a return against its due date (28 July for the April–June quarter).</summary>
public sealed class ReturnTimelinessTests
{
    private static readonly DateOnly Due = new(2025, 7, 28);

    [Theory]
    [InlineData(ReturnState.Open, null, "2025-07-28", ReturnTimeliness.NotYetDue)]
    [InlineData(ReturnState.Open, null, "2025-07-29", ReturnTimeliness.Missing)]
    [InlineData(ReturnState.Submitted, "2025-07-28T23:00:00", "2025-08-30", ReturnTimeliness.OnTime)]
    [InlineData(ReturnState.Approved, "2025-07-29T08:00:00", "2025-08-30", ReturnTimeliness.Late)]
    [InlineData(ReturnState.Accepted, "2025-06-30T08:00:00", "2025-08-30", ReturnTimeliness.OnTime)]
    [InlineData(ReturnState.Waived, null, "2025-08-30", ReturnTimeliness.Waived)]
    public void Timeliness_follows_the_state_and_the_submission_date(ReturnState state, string? submittedAt, string today, ReturnTimeliness expected)
    {
        DateTime? at = submittedAt is null ? null : DateTime.Parse(submittedAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

        Assert.Equal(expected, ReturnTimelinessRules.Of(state, Due, at, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
