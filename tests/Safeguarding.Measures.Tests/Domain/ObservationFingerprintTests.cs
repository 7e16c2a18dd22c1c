using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Tests.Support;

namespace Safeguarding.Measures.Tests.Domain;

public sealed class ObservationFingerprintTests
{
    private static readonly MeasureVersion Measure = TestData.Version(TestData.Percentage());

    [Fact]
    public void Ignores_id_provenance_and_time()
    {
        var a = TestData.Observation(Measure, "E09000001", Period.FinancialYearEnding(2025), ObservationValue.Proportion(5, 20));
        var b = a with { Id = Guid.NewGuid(), Provenance = Provenance.Import("other.csv", 9, "import-2", "analyst-2"), RecordedAt = a.RecordedAt.AddYears(1) };

        Assert.Equal(a.Fingerprint, b.Fingerprint);
    }

    [Fact]
    public void Changes_with_the_figure_the_rounding_or_the_key()
    {
        var a = TestData.Observation(Measure, "E09000001", Period.FinancialYearEnding(2025), ObservationValue.Proportion(5, 20));

        Assert.NotEqual(a.Fingerprint, (a with { Value = ObservationValue.Proportion(5, 21) }).Fingerprint);
        Assert.NotEqual(a.Fingerprint, (a with { RoundedToNearest = 10 }).Fingerprint);
        Assert.NotEqual(a.Fingerprint, (a with { OrganisationCode = "E09000002" }).Fingerprint);
        Assert.NotEqual(a.Fingerprint, (a with { Value = ObservationValue.Withheld(ObservationState.Suppressed, "c") }).Fingerprint);
    }

    [Fact]
    public void Trailing_zeros_do_not_change_it()
    {
        var a = TestData.Observation(Measure, "E09000001", Period.FinancialYearEnding(2025), ObservationValue.Proportion(5.0m, 20.00m));

        Assert.Equal(a.Fingerprint, (a with { Value = ObservationValue.Proportion(5, 20) }).Fingerprint);
    }

    [Fact]
    public void Deterministic_ids_are_stable_version_8_guids()
    {
        var id = ObservationFingerprint.DeterministicId("abc");

        Assert.Equal(id, ObservationFingerprint.DeterministicId("abc"));
        Assert.NotEqual(id, ObservationFingerprint.DeterministicId("abd"));
        Assert.Equal('8', id.ToString()[14]);
    }

    [Fact]
    public void The_natural_key_is_canonical() =>
        Assert.Equal(
            "E09000001|test.percentage@1|2024-04/P12M|",
            TestData.Observation(Measure, "E09000001", Period.FinancialYearEnding(2025), ObservationValue.Proportion(5, 20)).Key.Canonical);
}
