using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Tests.Domain;

public sealed class ObservationValueTests
{
    [Theory]
    [InlineData(ObservationState.Suppressed)]
    [InlineData(ObservationState.NotAvailable)]
    [InlineData(ObservationState.NotApplicable)]
    [InlineData(ObservationState.RoundsToZero)]
    [InlineData(ObservationState.LowReliability)]
    public void Withheld_states_carry_no_number_and_never_zero(ObservationState state)
    {
        var value = ObservationValue.Withheld(state, "c in rereferral_count");

        Assert.Equal(state, value.State);
        Assert.False(value.HasNumbers);
        Assert.Null(value.Numerator);
        Assert.Null(value.Denominator);
        Assert.Null(value.Amount);
    }

    [Theory]
    [InlineData("-0")]
    [InlineData("-0.00")]
    public void Minus_zero_is_stored_as_zero(string text)
    {
        // Decided (issue 19): "-0" is accepted as 0, through the API and imports alike (both parse to decimal).
        var zero = decimal.Parse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(ObservationValue.Count(0), ObservationValue.Count(zero));
        Assert.Equal("0", ObservationValue.Format(ObservationValue.Count(zero).Amount!.Value));
        Assert.Equal(ObservationValue.Proportion(0, 5), ObservationValue.Proportion(zero, 5));
    }

    [Fact]
    public void A_withheld_value_needs_a_state_and_a_reason()
    {
        Assert.Equal("value.state", Assert.Throws<DomainValidationException>(() => ObservationValue.Withheld(ObservationState.Value, "x")).Problems.Single().Field);
        Assert.Equal("value.reason", Assert.Throws<DomainValidationException>(() => ObservationValue.Withheld(ObservationState.Suppressed, " ")).Problems.Single().Field);
    }

    [Fact]
    public void Negative_figures_are_refused()
    {
        Assert.Equal("value.numerator", Assert.Throws<DomainValidationException>(() => ObservationValue.Proportion(-1, 10)).Problems.Single().Field);
        Assert.Equal("value.amount", Assert.Throws<DomainValidationException>(() => ObservationValue.Count(-5)).Problems.Single().Field);
    }

    [Fact]
    public void Low_reliability_keeps_the_figure_and_flags_it()
    {
        var value = ObservationValue.Proportion(3, 40).WithLowReliability("u: small numbers");

        Assert.Equal(ObservationState.LowReliability, value.State);
        Assert.Equal(3, value.Numerator);
        Assert.Contains("low reliability", value.ToString());
    }

    [Fact]
    public void Only_figures_can_be_flagged_low_reliability() =>
        Assert.Throws<DomainValidationException>(() => ObservationValue.Withheld(ObservationState.Suppressed, "c").WithLowReliability("u"));

    [Fact]
    public void Equal_figures_are_equal_values() =>
        Assert.Equal(ObservationValue.Proportion(12.50m, 100), ObservationValue.Proportion(12.5m, 100m));
}
