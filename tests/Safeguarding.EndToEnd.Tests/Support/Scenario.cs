using System.Globalization;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.V1;
using Safeguarding.Measures.V1;
using Grpc.Core;

namespace Safeguarding.EndToEnd.Tests.Support;

/// <summary>One agency's figures for one period: a count, and a proportion's numerator and denominator.</summary>
public sealed record SeedFigure(string Agency, string PeriodCode, long Count, long Numerator, long Denominator);

/// <summary>
/// The multi-organisation scenario: three partnerships of London, seven agencies each with its own
/// measures instance. Every agency's analyst defines the same two measures (a count, and a proportion
/// with numerator and denominator) and records its figures through the gateway; some are below the
/// disclosure threshold (5).
/// </summary>
public static class Scenario
{
    public const string Region = "london";
    public const string CountMeasure = "e2e.referrals";
    public const string ProportionMeasure = "e2e.rereferrals";
    public const string Year2025 = "2024-04/P12M";
    public const string Year2024 = "2023-04/P12M";
    public const int Threshold = 5;

    public static readonly Topology Topology = new(Region,
    [
        new PartnershipSpec("north", [new AgencySpec("north-csc", SharesWithPartnership: true, Reporting: true), new AgencySpec("north-police"), new AgencySpec("north-health")]),
        new PartnershipSpec("south", [new AgencySpec("south-csc", SharesWithPartnership: true), new AgencySpec("south-police")]),
        new PartnershipSpec("east", [new AgencySpec("east-csc"), new AgencySpec("east-health")]),
    ], Threshold);

    /// <summary>What each agency records. 2024-25 has small cells (north-police, south-police, south-csc's numerator); 2023-24 has none.</summary>
    public static readonly IReadOnlyList<SeedFigure> Figures =
    [
        new("north-csc", Year2025, 120, 30, 120),
        new("north-police", Year2025, 3, 2, 3),
        new("north-health", Year2025, 40, 10, 40),
        new("south-csc", Year2025, 80, 4, 80),
        new("south-police", Year2025, 2, 1, 2),
        new("east-csc", Year2025, 55, 11, 55),
        new("east-health", Year2025, 33, 6, 33),
        new("north-csc", Year2024, 110, 25, 110),
        new("north-police", Year2024, 12, 6, 12),
        new("north-health", Year2024, 35, 9, 35),
        new("south-csc", Year2024, 70, 14, 70),
        new("south-police", Year2024, 9, 5, 9),
        new("east-csc", Year2024, 50, 10, 50),
        new("east-health", Year2024, 30, 7, 30),
    ];

    public static string AnalystToken(string agency) => TestPlatform.Token(agency + "-analyst", agency, Roles.Analyst);

    /// <summary>A user of <paramref name="agency"/> with every role that works with an organisation's own data, so any refusal is about the organisation, not the role.</summary>
    public static string AllDataRolesToken(string agency) => TestPlatform.Token(agency + "-lead", agency, [.. Roles.DataRoles]);

    public static string BoardMemberToken() => TestPlatform.Token("london-board-member", Region, Roles.BoardMember);

    public static MeasureDefinition CountDefinition() => new()
    {
        Id = CountMeasure,
        Title = "Number of referrals to children's social care",
        ContentAreaId = "front-door-services",
        Type = InformationType.Quantity,
        Source = Source.OrganisationalSystems,
        Method = CollectionMethod.ManagementInformation,
        Unit = MeasureUnit.Count,
        NumeratorDefinition = "Referrals received in the year",
        Polarity = Polarity.Neither,
        Frequency = Frequency.Annual,
    };

    public static MeasureDefinition ProportionDefinition() => new()
    {
        Id = ProportionMeasure,
        Title = "% of referrals that were re-referrals within 12 months",
        ContentAreaId = "front-door-services",
        Type = InformationType.Outcome,
        Source = Source.OrganisationalSystems,
        Method = CollectionMethod.ManagementInformation,
        Unit = MeasureUnit.Percentage,
        NumeratorDefinition = "Referrals within 12 months of a previous referral",
        DenominatorDefinition = "Referrals in the year",
        Polarity = Polarity.LowerBetter,
        Frequency = Frequency.Annual,
    };

    public static ObservationValue CountValue(long amount) => new() { State = ObservationState.Value, Amount = Text(amount) };

    public static ObservationValue ProportionValue(long numerator, long denominator) => new()
    {
        State = ObservationState.Value,
        Numerator = Text(numerator),
        Denominator = Text(denominator),
    };

    /// <summary>Every agency's analyst defines both measures and records its figures, through the gateway only (target: the token's own organisation).</summary>
    public static async Task SeedAsync(TestPlatform platform, IEnumerable<SeedFigure>? figures = null)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var byAgency = (figures ?? Figures).GroupBy(f => f.Agency).ToList();
        await Task.WhenAll(byAgency.Select(async group =>
        {
            var token = AnalystToken(group.Key);
            var shared = platform.Topology.Agencies.Count(a => a.InstanceName == platform.Topology.Agencies.Single(b => b.Code == group.Key).InstanceName) > 1;
            await DefineAsync(platform, new DefineMeasureRequest { Measure = CountDefinition() }, TestPlatform.As(token), shared);
            // The other form: the target organisation named explicitly.
            await DefineAsync(platform, new DefineMeasureRequest { Measure = ProportionDefinition() }, TestPlatform.As(token, target: group.Key), shared);
            foreach (var figure in group)
            {
                var period = new Period { Code = figure.PeriodCode };
                var count = await platform.Measures.RecordObservationAsync(Record(figure.Agency, CountMeasure, period, CountValue(figure.Count)), TestPlatform.As(token));
                var proportion = await platform.Measures.RecordObservationAsync(
                    Record(figure.Agency, ProportionMeasure, period, ProportionValue(figure.Numerator, figure.Denominator)), TestPlatform.As(token, target: figure.Agency));
                if (count.Outcome != RecordOutcome.Recorded || proportion.Outcome != RecordOutcome.Recorded)
                {
                    throw new InvalidOperationException($"Seeding {figure.Agency} {figure.PeriodCode} did not record new observations.");
                }
            }
        }));
    }

    /// <summary>Definitions belong to an instance: where agencies share one, the first to define a measure defines it for all.</summary>
    private static async Task DefineAsync(TestPlatform platform, DefineMeasureRequest request, CallOptions options, bool sharedInstance)
    {
        try
        {
            await platform.Measures.DefineMeasureAsync(request, options);
        }
        catch (RpcException ex) when (sharedInstance && ex.StatusCode == StatusCode.AlreadyExists)
        {
            // Another agency on the same instance got there first.
        }
    }

    public static RecordObservationRequest Record(string organisation, string measureId, Period period, ObservationValue value) => new()
    {
        OrganisationCode = organisation,
        MeasureId = measureId,
        Period = period,
        Value = value,
    };

    /// <summary>A region board member asks for a measure across London (or one area) through the gateway.</summary>
    public static async Task<GetMeasureAcrossOrganisationsResponse> AcrossLondonAsync(TestPlatform platform, string measureId, string? area = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return await platform.Aggregation.GetMeasureAcrossOrganisationsAsync(
            new GetMeasureAcrossOrganisationsRequest { MeasureId = measureId, AreaCode = area ?? string.Empty },
            TestPlatform.As(BoardMemberToken(), timeout: timeout));
    }

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
