using Safeguarding.EndToEnd.Tests.Support;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.V1;
using Safeguarding.Measures.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.EndToEnd.Tests.Scenarios;

/// <summary>
/// Several organisations, each on its own measures instance, behind one gateway: an agency reads its own
/// rows; no other agency reads or writes them by any row-level RPC; the region sees disclosure-controlled
/// totals only.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class OrganisationsTests(PlatformFixture fixture)
{
    /// <summary>Caller → target pairs across organisations: same partnership, other partnerships, both directions.</summary>
    public static readonly (string Caller, string Target)[] CrossOrganisation =
    [
        ("north-police", "north-csc"),
        ("north-csc", "north-police"),
        ("south-csc", "north-csc"),
        ("east-health", "south-police"),
        ("north-csc", "east-csc"),
    ];

    private TestPlatform Platform => fixture.Platform;

    [Fact]
    public async Task Each_agency_analyst_reads_its_own_observations_as_recorded_small_ones_included()
    {
        foreach (var agency in Scenario.Topology.Agencies.Select(a => a.Code))
        {
            var listed = await Platform.Measures.ListObservationsAsync(
                new ListObservationsRequest { MeasureId = Scenario.CountMeasure, OrganisationCodes = { agency } },
                TestPlatform.As(Scenario.AnalystToken(agency)));

            var expected = Scenario.Figures.Where(f => f.Agency == agency).ToDictionary(f => f.PeriodCode, f => Scenario.Text(f.Count));
            var actual = listed.Observations.ToDictionary(o => o.Period.Code, o => o.Value.Amount);
            Assert.Equal(expected, actual);
            Assert.All(listed.Observations, o => Assert.Equal(agency, o.OrganisationCode));
            Assert.All(listed.Observations, o => Assert.Equal(agency + "-analyst", o.Provenance.UserId));
        }

        // Inside its own organisation nothing is suppressed: north-police sees its 3 and its 2 of 3.
        var own = await Platform.Measures.ListObservationsAsync(
            new ListObservationsRequest { MeasureId = Scenario.ProportionMeasure, OrganisationCodes = { "north-police" }, PeriodFrom = new Period { Code = Scenario.Year2025 } },
            TestPlatform.As(Scenario.AnalystToken("north-police")));
        var value = Assert.Single(own.Observations).Value;
        Assert.Equal(("2", "3"), (value.Numerator, value.Denominator));
    }

    [Fact]
    public async Task A_partnership_reads_the_rows_of_an_agency_that_shares_with_it_and_not_of_one_that_does_not()
    {
        var token = TestPlatform.Token("north-lead", "north", Roles.Analyst);
        var shared = await Platform.Measures.ListObservationsAsync(
            new ListObservationsRequest { MeasureId = Scenario.CountMeasure, OrganisationCodes = { "north-csc" } }, TestPlatform.As(token, target: "north-csc"));
        Assert.Equal(2, shared.Observations.Count);

        var refused = await Assert.ThrowsAsync<RpcException>(() => Platform.Measures.ListObservationsAsync(
            new ListObservationsRequest { MeasureId = Scenario.CountMeasure, OrganisationCodes = { "north-police" } }, TestPlatform.As(token, target: "north-police")).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task Every_row_level_measures_rpc_is_denied_to_every_other_organisation()
    {
        var rpcs = RpcSweep.RowLevelMeasuresRpcs();
        // The sweep walks the policy table, so an RPC added later is swept too; these must be among them.
        Assert.Superset(
            new HashSet<string>(["ListObservations", "GetSeries", "AggregateMeasure", "GetBalanceOfInformation", "RecordObservation", "CorrectObservation", "ImportCsv", "DefineMeasure"]),
            rpcs.Select(r => r.Method.Name).ToHashSet());
        Assert.All(rpcs, r => Assert.Contains(r.Policy?.Access, new DataAccess?[] { null, DataAccess.RowRead, DataAccess.RowWrite, DataAccess.Export }));

        var calls = 0;
        var denied = 0;
        var leaks = new List<string>();
        foreach (var (caller, target) in CrossOrganisation)
        {
            foreach (var (method, _) in rpcs)
            {
                var status = await RpcSweep.CallAsync(Platform.Channel, method, RpcSweep.RequestFor(method, target, Scenario.CountMeasure),
                    TestPlatform.As(Scenario.AllDataRolesToken(caller), target: target));
                calls++;
                if (status == StatusCode.PermissionDenied)
                {
                    denied++;
                }
                else
                {
                    leaks.Add($"{caller} → {target} {method.Name}: {status}");
                }
            }
        }

        Assert.Equal(CrossOrganisation.Length * rpcs.Count, calls);
        Assert.True(leaks.Count == 0, "Cross-organisation row-level calls not denied:\n" + string.Join("\n", leaks));
        Assert.Equal(100.0, 100.0 * denied / calls);

        // Every refused row-level call is in the audit trail as denied: who (their subject's pseudonym), what, for whom.
        var audit = await Platform.AuditAsync();
        var subjects = Platform.GatewayServices.GetRequiredService<SubjectPseudonyms>();
        foreach (var (caller, target) in CrossOrganisation)
        {
            foreach (var (method, policy) in rpcs.Where(r => r.Policy is not null))
            {
                Assert.Contains(audit, r => r.UserId == subjects.Pseudonym(caller + "-lead") && r.UserOrganisation == caller && r.TargetOrganisation == target
                    && r.Rpc == policy!.Path && r.Outcome == "denied");
            }
        }

        // Control: the same RPCs for the caller's own organisation get past the gateway (the service then
        // answers, or refuses the deliberately meaningless request on its merits), so the denials above are
        // about the organisation, not the token or the request.
        foreach (var (method, _) in rpcs.Where(r => r.Policy is not null))
        {
            var status = await RpcSweep.CallAsync(Platform.Channel, method, RpcSweep.RequestFor(method, "north-police", "e2e.no-such-measure"),
                TestPlatform.As(Scenario.AllDataRolesToken("north-police")));
            Assert.True(status is not (StatusCode.PermissionDenied or StatusCode.Unauthenticated or StatusCode.Unimplemented), $"{method.Name} for the caller's own organisation: {status}");
        }
    }

    [Fact]
    public void Only_reference_rpcs_of_the_measures_service_reach_across_organisations()
    {
        // A measures RPC is either row-level (swept above), reference data that names no one, or has no
        // policy and is denied by default. A new RPC marked as reference must be added here on purpose.
        var policies = MeasuresPolicies.Create().Policies.ToDictionary(p => p.Path, StringComparer.Ordinal);
        var reference = MeasuresPolicies.Measures.Methods
            .Where(m => policies.GetValueOrDefault($"/{m.Service.FullName}/{m.Name}") is { IsRowLevel: false })
            .Select(m => m.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["GetFrameworkLibrary", "GetImportMapping", "GetMeasure", "ListContentAreas", "ListImportMappings", "ListMeasures", "ListOrganisations"], reference);
        Assert.All(reference, name => Assert.Equal(DataAccess.Reference, policies[$"/{MeasuresPolicies.Measures.FullName}/{name}"].Access));
    }

    [Theory]
    [InlineData(Scenario.CountMeasure)]
    [InlineData(Scenario.ProportionMeasure)]
    public async Task A_region_board_member_gets_london_and_partnership_totals_with_small_cells_suppressed_and_none_recoverable(string measureId)
    {
        var answer = await Scenario.AcrossLondonAsync(Platform, measureId);

        foreach (var agency in Scenario.Topology.Agencies)
        {
            Assert.Equal(OrganisationStatus.Ok, answer.Outcomes.Single(o => o.OrganisationCode == agency.Code).Status);
        }

        var parts = measureId == Scenario.CountMeasure ? new[] { CountPart.Amount } : [CountPart.Numerator, CountPart.Denominator];
        var suppressed = 0;
        var complementary = 0;
        foreach (var period in new[] { Scenario.Year2025, Scenario.Year2024 })
        {
            var figures = answer.Figures.Where(f => f.Period.Code == period).ToList();
            Assert.Equal(Scenario.Topology.Agencies.Count() + Scenario.Topology.Partnerships.Count + 1, figures.Count);
            Assert.Equal(Scenario.Region, Assert.Single(figures, f => f.Level == FigureLevel.RegionTotal).OrganisationCode);
            Assert.Equal(Scenario.Topology.Partnerships.Select(p => p.Code).Order(), figures.Where(f => f.Level == FigureLevel.PartnershipTotal).Select(f => f.OrganisationCode).Order());

            foreach (var part in parts)
            {
                foreach (var figure in figures)
                {
                    var count = Disclosure.Get(figure, part)!;
                    var truth = Truth(figure, period, part);
                    if (Disclosure.IsSuppressed(count))
                    {
                        suppressed++;
                        complementary += count.Suppression == SuppressionReason.Complementary ? 1 : 0;
                        Assert.Equal(string.Empty, count.Value); // suppressed is a state, never a number, never zero
                        Assert.Equal(FigureState.Suppressed, figure.State);
                        Assert.Equal(string.Empty, figure.Value);
                    }
                    else
                    {
                        Assert.True(truth is 0 or >= Scenario.Threshold, $"{figure.OrganisationCode} {period} {part} = {truth} is shown to the region");
                        Assert.Equal(Scenario.Text(truth), count.Value);
                    }

                    if (truth is > 0 and < Scenario.Threshold)
                    {
                        Assert.Equal(SuppressionReason.BelowThreshold, count.Suppression);
                    }
                }

                var recoverable = Disclosure.RecoverableCells(figures, part);
                Assert.True(recoverable.Count == 0, $"{period} {part}: suppressed cells recoverable from totals: {string.Join(", ", recoverable)}");
            }

            if (period == Scenario.Year2024)
            {
                Assert.All(figures, f => Assert.Equal(FigureState.Shown, f.State)); // no small cells, nothing hidden
            }
        }

        // 2024-25 has small cells, so something was hidden, and something beside them to protect them.
        Assert.True(suppressed > 0 && complementary > 0, $"suppressed {suppressed}, complementary {complementary}");

        // A partnership's own query shows its figures exactly as the London one does: differencing the two reveals nothing.
        var north = await Scenario.AcrossLondonAsync(Platform, measureId, area: "north");
        foreach (var figure in north.Figures)
        {
            var same = answer.Figures.Single(f => f.OrganisationCode == figure.OrganisationCode && f.Period.Code == figure.Period.Code);
            Assert.Equal(same.State, figure.State);
            foreach (var part in parts)
            {
                Assert.Equal(Disclosure.Get(same, part), Disclosure.Get(figure, part));
            }
        }

        Assert.Contains(north.Figures, f => f is { OrganisationCode: "north", Level: FigureLevel.PartnershipTotal });
        Assert.DoesNotContain(north.Figures, f => f.Level == FigureLevel.RegionTotal);
    }

    [Fact]
    public void The_recoverability_check_catches_a_total_minus_the_shown_cells()
    {
        AreaFigure Cell(string code, string value, SuppressionReason reason = SuppressionReason.Unspecified, params string[] included)
        {
            var figure = new AreaFigure { OrganisationCode = code, Amount = new Count { Value = value, Suppression = reason } };
            figure.IncludedOrganisationCodes.AddRange(included);
            return figure;
        }

        // Only the small cell hidden: 163 - 120 - 40 gives it away.
        var careless = new[] { Cell("a", "120"), Cell("b", string.Empty, SuppressionReason.BelowThreshold), Cell("c", "40"), Cell("t", "163", SuppressionReason.Unspecified, "a", "b", "c") };
        Assert.Equal(["b"], Disclosure.RecoverableCells(careless, CountPart.Amount));

        // Two hidden in the same sum: neither can be worked out.
        var protectedTable = new[] { Cell("a", "120"), Cell("b", string.Empty, SuppressionReason.BelowThreshold), Cell("c", string.Empty, SuppressionReason.Complementary), Cell("t", "163", SuppressionReason.Unspecified, "a", "b", "c") };
        Assert.Empty(Disclosure.RecoverableCells(protectedTable, CountPart.Amount));

        // Two levels: hiding the partnership total beside the small cell is undone by the region total.
        var twoLevels = new[]
        {
            Cell("a", "120"), Cell("b", string.Empty, SuppressionReason.BelowThreshold), Cell("p", string.Empty, SuppressionReason.Complementary, "a", "b"),
            Cell("q", "50"), Cell("r", "173", SuppressionReason.Unspecified, "p", "q"),
        };
        Assert.Equal(["b", "p"], Disclosure.RecoverableCells(twoLevels, CountPart.Amount));
    }

    /// <summary>The true figure: an agency's own, or the sum over the agencies a total includes.</summary>
    private static long Truth(AreaFigure figure, string period, CountPart part)
    {
        long Of(SeedFigure f) => part switch
        {
            CountPart.Amount => f.Count,
            CountPart.Numerator => f.Numerator,
            _ => f.Denominator,
        };

        var agencies = figure.Level switch
        {
            FigureLevel.Organisation => [figure.OrganisationCode],
            FigureLevel.PartnershipTotal => Scenario.Topology.Partnerships.Single(p => p.Code == figure.OrganisationCode).Agencies.Select(a => a.Code).ToArray(),
            _ => Scenario.Topology.Agencies.Select(a => a.Code).ToArray(),
        };
        return Scenario.Figures.Where(f => f.PeriodCode == period && agencies.Contains(f.Agency)).Sum(Of);
    }
}
