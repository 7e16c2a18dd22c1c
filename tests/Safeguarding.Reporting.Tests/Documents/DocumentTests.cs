using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Tests.Support;

namespace Safeguarding.Reporting.Tests.Documents;

public sealed class DocumentTests
{
    [Fact]
    public void Wilson_interval_matches_the_textbook_value()
    {
        var interval = Interval.WilsonPercentage(8, 10);

        Assert.Equal(49.02, interval.Lower, 2);
        Assert.Equal(94.33, interval.Upper, 2);
    }

    [Fact]
    public void Wilson_interval_stays_within_0_and_100()
    {
        var none = Interval.WilsonPercentage(0, 4);
        var all = Interval.WilsonPercentage(4, 4);

        Assert.Equal(0, none.Lower);
        Assert.True(none.Upper is > 0 and < 100);
        Assert.Equal(100, all.Upper, 9);
        Assert.True(all.Lower is > 0 and < 100);
    }

    [Fact]
    public void A_point_without_a_value_must_say_why()
    {
        Assert.Throws<ArgumentException>(() => SeriesPoint.WithoutValue("Apr 2024", PointState.Value));
        Assert.Throws<ArgumentOutOfRangeException>(() => SeriesPoint.Of("Apr 2024", double.NaN));

        var suppressed = SeriesPoint.Suppressed("Apr 2024", "fewer than 5 cases");
        Assert.False(suppressed.HasValue);
        Assert.Null(suppressed.Value);
        Assert.Equal(PointState.Suppressed, suppressed.State);
    }

    [Fact]
    public void Voices_are_kept_short()
    {
        Assert.Throws<ArgumentException>(() => new Voice(new string('a', Voice.MaxQuoteLength + 1), VoiceSource.Child));
        Assert.Throws<ArgumentException>(() => new Voice(" ", VoiceSource.Child));
    }

    [Fact]
    public void Year_on_year_series_must_be_for_the_same_measure()
    {
        var trend = Build.Series(Build.Percentage("m1"), SeriesPoint.Of("Apr 2024", 1));
        var other = Build.Series(Build.Percentage("m2"), SeriesPoint.Of("2024/25", 1));

        Assert.Throws<ArgumentException>(() => new MeasureEvidence(trend, other));
    }

    [Fact]
    public void Balance_counts_measures_by_type_and_source_outcome_first()
    {
        MeasureInfo M(MeasureType type, EvidenceSource source) => new("x", "x", type, source, MeasureUnit.Percentage, Polarity.HigherIsBetter);
        var current = new[]
        {
            M(MeasureType.Outcome, EvidenceSource.ChildrenAndFamilies),
            M(MeasureType.Outcome, EvidenceSource.CaseRecords),
            M(MeasureType.Quantity, EvidenceSource.OrganisationalSystems),
        };
        var previous = new[] { M(MeasureType.Quantity, EvidenceSource.OrganisationalSystems) };

        var balance = BalanceOfInformation.From("2024/25", current, "2023/24", previous);

        Assert.Equal(
            [(MeasureType.Outcome, 2, (int?)0), (MeasureType.Quality, 0, 0), (MeasureType.Quantity, 1, 1)],
            balance.ByType.Select(b => (b.Category, b.Current, b.Previous)));
        Assert.Equal([1, 0, 1, 1], balance.BySource.Select(b => b.Current));
        Assert.Equal("2023/24", balance.PreviousLabel);
    }
}
