namespace Safeguarding.Cli.Demo;

/// <summary>
/// A fictional partnership for the demo: Northbridge, a London borough partnership with four agencies.
/// Nothing here describes real people or places; every figure the demo records is generated.
/// </summary>
internal static class DemoPartnership
{
    public const string RegionCode = "E12000007"; // London, as in the published statistics.
    public const string PartnershipCode = "NB-LSCP";

    public static readonly DemoOrganisation Partnership = new(PartnershipCode, "Northbridge Safeguarding Children Partnership", "partnership", RegionCode);

    public static readonly IReadOnlyList<DemoOrganisation> Agencies =
    [
        new("NB-CSC", "Northbridge Children's Social Care", "agency", PartnershipCode),
        new("NB-HEALTH", "Northbridge Community Health NHS Trust", "agency", PartnershipCode),
        new("NB-POLICE", "Northbridge Police Command Unit", "agency", PartnershipCode),
        new("NB-EDU", "Northbridge Education and Schools", "agency", PartnershipCode),
    ];

    /// <summary>
    /// The library measures each agency records monthly, one or more of each type, and how the
    /// generated figures move: most improve, one drifts the wrong way so the report has an area
    /// for further exploration.
    /// </summary>
    public static readonly IReadOnlyList<DemoMeasure> Measures =
    [
        new("NB-CSC", "front-door-services", "front-door-services-measure-1", Start: 260, Trend: 0.4, Sample: 0),
        new("NB-CSC", "front-door-services", "front-door-services-measure-6", Start: 0.62, Trend: 0.004, Sample: 20),
        new("NB-CSC", "cp-cin-planning", "cp-cin-planning-measure-18", Start: 0.21, Trend: -0.002, Sample: 0, Denominator: 90),
        new("NB-CSC", "cp-cin-planning", "cp-cin-planning-measure-14", Start: 0.55, Trend: 0.003, Sample: 24),
        new("NB-HEALTH", "parental-mental-health", "parental-mental-health-measure-2", Start: 140, Trend: 0.3, Sample: 0),
        new("NB-HEALTH", "parental-mental-health", "parental-mental-health-measure-7", Start: 0.58, Trend: 0.005, Sample: 30),
        new("NB-HEALTH", "parental-mental-health", "parental-mental-health-measure-22", Start: 0.48, Trend: 0.002, Sample: 18),
        new("NB-POLICE", "domestic-violence", "domestic-violence-measure-2", Start: 310, Trend: -0.5, Sample: 0),
        new("NB-POLICE", "domestic-violence", "domestic-violence-measure-13", Start: 0.66, Trend: 0.002, Sample: 40),
        new("NB-POLICE", "domestic-violence", "domestic-violence-measure-27", Start: 0.18, Trend: 0.003, Sample: 0, Denominator: 120),
        new("NB-EDU", "partnership-working", "partnership-working-measure-15", Start: 45, Trend: 0.2, Sample: 0),
        new("NB-EDU", "partnership-working", "partnership-working-measure-18", Start: 0.52, Trend: 0.004, Sample: 0, Denominator: 45),
        new("NB-EDU", "workforce", "workforce-measure-21", Start: 0.81, Trend: 0.003, Sample: 0, Denominator: 400),
    ];

    /// <summary>Three years of monthly figures: April 2023 to March 2026 (three financial years).</summary>
    public static readonly (int Year, int Month) FirstMonth = (2023, 4);

    public const int Months = 36;

    /// <summary>
    /// One real-looking surprise in the figures: children's social care's referrals jump in November 2025 (a schools'
    /// awareness week), so the London dataset's outlier rule flags it when the quarter's return is checked and the
    /// agency's analyst explains it (DemoReturns).
    /// </summary>
    public static readonly (string Agency, string LibraryMeasureId, int Month, double Factor) Surge = ("NB-CSC", "front-door-services-measure-1", 31, 1.6);
}

internal sealed record DemoOrganisation(string Code, string Name, string Kind, string Parent);

/// <summary>
/// One measure an agency records. For counts, Start is the first month's count; for proportions it
/// is the first month's rate with Sample cases audited or surveyed (0: the whole population, of
/// Denominator cases). Trend is the monthly change.
/// </summary>
internal sealed record DemoMeasure(string Agency, string ContentArea, string LibraryMeasureId, double Start, double Trend, int Sample, int Denominator = 0);
