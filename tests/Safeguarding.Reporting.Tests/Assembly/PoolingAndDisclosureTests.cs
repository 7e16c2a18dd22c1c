using Safeguarding.Reporting.Assembly;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.ReadModels;
using M = Safeguarding.Measures.V1;

namespace Safeguarding.Reporting.Tests.Assembly;

public sealed class PoolingAndDisclosureTests
{
    private static readonly PeriodSpan Quarter = PeriodSpan.Of(new DateOnly(2024, 10, 1), 3);

    private static ObservationRow Month(int offset, decimal? numerator, decimal? denominator, decimal? amount = null, M.ObservationState state = M.ObservationState.Value) => new()
    {
        PeriodStart = Quarter.Start.AddMonths(offset),
        PeriodMonths = 1,
        State = state,
        Numerator = numerator,
        Denominator = denominator,
        Amount = amount,
    };

    [Fact]
    public void Proportions_pool_their_numerators_and_denominators()
    {
        var figure = Pooling.Over([Month(0, 10, 20), Month(1, 30, 40), Month(2, 20, 40)], Quarter, MeasureUnit.Percentage);

        Assert.Equal((60.0, 60m, 100m), (figure.Value!.Value, figure.Numerator!.Value, figure.Denominator!.Value));
    }

    [Fact]
    public void A_figure_for_exactly_the_window_is_used_as_it_is()
    {
        var quarter = new ObservationRow { PeriodStart = Quarter.Start, PeriodMonths = 3, State = M.ObservationState.Value, Numerator = 1, Denominator = 4 };

        Assert.Equal(25.0, Pooling.Over([Month(0, 10, 20), quarter], Quarter, MeasureUnit.Percentage).Value);
    }

    [Fact]
    public void Counts_are_averaged_and_say_so()
    {
        var figure = Pooling.Over([Month(0, null, null, 10), Month(1, null, null, 20), Month(2, null, null, 30)], Quarter, MeasureUnit.Count);

        Assert.Equal((20.0, "average of 3 monthly figures"), (figure.Value!.Value, figure.Reason));
    }

    [Fact]
    public void A_window_with_a_missing_or_withheld_month_has_no_figure()
    {
        Assert.Equal(PointState.NotAvailable, Pooling.Over([Month(0, 10, 20), Month(1, 30, 40)], Quarter, MeasureUnit.Percentage).State);
        Assert.Equal(PointState.Suppressed, Pooling.Over([Month(0, 10, 20), Month(1, 30, 40), Month(2, null, null, null, M.ObservationState.Suppressed)], Quarter, MeasureUnit.Percentage).State);
    }

    [Theory]
    [InlineData(3, 40, PointState.Suppressed)]
    [InlineData(30, 4, PointState.Suppressed)]
    [InlineData(0, 40, PointState.Value)]
    [InlineData(5, 40, PointState.Value)]
    public void Outside_their_organisation_small_numerators_and_denominators_are_withheld(long numerator, long denominator, PointState expected)
    {
        var figure = new Figure(PointState.Value, 1, numerator, denominator, null);

        Assert.Equal(expected, Disclosure.Outside(figure, MeasureUnit.Percentage, 5).State);
    }

    [Fact]
    public void One_withheld_cell_of_a_breakdown_takes_the_next_smallest_with_it()
    {
        (string, Figure)[] cells =
        [
            ("North", new Figure(PointState.Value, 80, 20, 25, null)),
            ("South", new Figure(PointState.Value, 75, 3, 4, null)),
            ("East", new Figure(PointState.Value, 83, 10, 12, null)),
            ("West", new Figure(PointState.Value, 90, 45, 50, null)),
        ];

        var result = Disclosure.Breakdown(cells, MeasureUnit.Percentage, 5);

        Assert.Equal([PointState.Value, PointState.Suppressed, PointState.Suppressed, PointState.Value], result.Select(c => c.Figure.State));
    }

    [Fact]
    public void Two_withheld_cells_protect_each_other_when_their_sum_is_not_small()
    {
        (string, Figure)[] cells =
        [
            ("North", new Figure(PointState.Value, 80, 20, 25, null)),
            ("South", new Figure(PointState.Value, 75, 3, 4, null)),
            ("East", new Figure(PointState.Value, 50, 2, 4, null)),
            ("West", new Figure(PointState.Value, 90, 45, 50, null)),
        ];

        Assert.Equal([PointState.Value, PointState.Suppressed, PointState.Suppressed, PointState.Value], Disclosure.Breakdown(cells, MeasureUnit.Percentage, 5).Select(c => c.Figure.State));
    }

    [Fact]
    public void Withheld_cells_whose_sum_the_total_gives_away_as_small_take_a_third_with_them()
    {
        // Numerators 3 + 1 = 4 and denominators 4 + 2 = 6 follow from the total: 4 bounds each numerator below 5.
        (string, Figure)[] cells =
        [
            ("North", new Figure(PointState.Value, 80, 20, 25, null)),
            ("South", new Figure(PointState.Value, 75, 3, 4, null)),
            ("East", new Figure(PointState.Value, 50, 1, 2, null)),
            ("West", new Figure(PointState.Value, 90, 45, 50, null)),
        ];

        var states = Disclosure.Breakdown(cells, MeasureUnit.Percentage, 5).Select(c => c.Figure.State).ToList();

        Assert.Equal(PointState.Suppressed, states[1]);
        Assert.Equal(PointState.Suppressed, states[2]);
        Assert.Equal(3, states.Count(s => s == PointState.Suppressed));
    }

    [Fact]
    public void A_breakdown_of_counts_is_protected_against_its_total()
    {
        (string, Figure)[] cells =
        [
            ("North", new Figure(PointState.Value, 40, null, null, null)),
            ("South", new Figure(PointState.Value, 2, null, null, null)),
            ("East", new Figure(PointState.Value, 0, null, null, null)),
            ("West", new Figure(PointState.Value, 9, null, null, null)),
        ];

        Assert.Equal([PointState.Value, PointState.Suppressed, PointState.Value, PointState.Suppressed], Disclosure.Breakdown(cells, MeasureUnit.Count, 5).Select(c => c.Figure.State));
    }

    [Theory]
    [InlineData("team=North%20East", BreakdownKind.Team, "North East")]
    [InlineData("locality=Riverside", BreakdownKind.Locality, "Riverside")]
    public void Single_team_or_locality_breakdowns_are_read_from_the_canonical_key(string key, BreakdownKind kind, string label)
    {
        Assert.Equal((kind, label), Breakdowns.Parse(key));
    }

    [Theory]
    [InlineData("age_band=10-15")]
    [InlineData("age_band=10-15;team=North")]
    [InlineData("")]
    public void Other_breakdowns_are_not_shown(string key) => Assert.Null(Breakdowns.Parse(key));

    [Theory]
    [InlineData("2024-04/P12M", "2024/25", "2025-03-31")]
    [InlineData("2024-10/P3M", "Oct to Dec 2024", "2024-12-31")]
    [InlineData("2025-02/P1M", "Feb 2025", "2025-02-28")]
    [InlineData("2024-01/P12M", "2024", "2024-12-31")]
    public void Period_codes_parse_to_their_span_and_label(string code, string label, string end)
    {
        Assert.True(PeriodSpan.TryParse(code, out var period));
        Assert.Equal((code, label, DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), (period.Code, period.Label, period.End));
    }

    [Theory]
    [InlineData("2024-04/P2M")]
    [InlineData("2024-13/P1M")]
    [InlineData("2024Q1")]
    [InlineData("")]
    public void Other_period_codes_are_refused(string code) => Assert.False(PeriodSpan.TryParse(code, out _));
}
