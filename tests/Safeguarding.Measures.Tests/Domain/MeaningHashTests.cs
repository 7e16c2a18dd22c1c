using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Tests.Support;

namespace Safeguarding.Measures.Tests.Domain;

public sealed class MeaningHashTests
{
    [Fact]
    public void Is_stable_and_hex() =>
        Assert.Matches("^[0-9a-f]{64}$", MeaningHash.Compute(TestData.Percentage()));

    [Fact]
    public void Ignores_wording_and_filing() =>
        Assert.Equal(
            MeaningHash.Compute(TestData.Percentage()),
            MeaningHash.Compute(TestData.Percentage() with { Title = "Re-referrals", Description = "x", ContentAreaId = "other" }));

    [Fact]
    public void Tells_definitions_apart_when_texts_swap()
    {
        var swapped = TestData.Percentage() with
        {
            NumeratorDefinition = TestData.Percentage().DenominatorDefinition,
            DenominatorDefinition = TestData.Percentage().NumeratorDefinition,
        };

        Assert.NotEqual(MeaningHash.Compute(TestData.Percentage()), MeaningHash.Compute(swapped));
    }

    [Fact]
    public void Lists_the_meaning_fields_that_differ() =>
        Assert.Equal(["unit", "polarity"], MeaningHash.ChangedMeaningFields(TestData.Percentage(), TestData.Percentage() with { Unit = MeasureUnit.Ratio, Polarity = Polarity.Neither }));
}
