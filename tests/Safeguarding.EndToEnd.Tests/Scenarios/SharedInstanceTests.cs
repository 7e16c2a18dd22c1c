using Grpc.Core;
using Grpc.Net.Client;
using Safeguarding.EndToEnd.Tests.Privacy;
using Safeguarding.EndToEnd.Tests.Support;
using Safeguarding.EndToEnd.Tests.Telemetry;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.EndToEnd.Tests.Scenarios;

/// <summary>
/// Two agencies of one partnership sharing one measures instance (docs/gateway.md: "several organisations
/// may share an instance"), where the gateway cannot read bodies and the service must check that the
/// organisation named in the body is the one the gateway checked; and what the services do with free
/// text and trace baggage that carry a child's details.
/// </summary>
public sealed class SharedInstanceTests : IAsyncLifetime
{
    private static readonly Topology Topology = new(Scenario.Region,
    [
        new PartnershipSpec("west", [new AgencySpec("west-csc", Instance: "west-shared"), new AgencySpec("west-police", Instance: "west-shared")]),
    ]);

    private TestPlatform _platform = null!;

    public async Task InitializeAsync()
    {
        _platform = await TestPlatform.StartAsync(Topology);
        await Scenario.SeedAsync(_platform, [new SeedFigure("west-csc", Scenario.Year2025, 3, 1, 3), new SeedFigure("west-police", Scenario.Year2025, 40, 8, 40)]);
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task On_a_shared_instance_an_agency_cannot_reach_another_agencys_rows_by_naming_it_in_the_body()
    {
        var police = TestPlatform.As(Scenario.AnalystToken("west-police")); // target: its own organisation, which the gateway allows

        // Its own rows, as a control.
        var own = await _platform.Measures.ListObservationsAsync(new ListObservationsRequest { MeasureId = Scenario.CountMeasure, OrganisationCodes = { "west-police" } }, police);
        Assert.Equal("40", Assert.Single(own.Observations).Value.Amount);

        // Asking for every organisation covers its own only.
        var all = await _platform.Measures.ListObservationsAsync(new ListObservationsRequest { MeasureId = Scenario.CountMeasure }, police);
        Assert.All(all.Observations, o => Assert.Equal("west-police", o.OrganisationCode));

        var attempts = new Dictionary<string, Func<Task>>
        {
            ["ListObservations"] = () => _platform.Measures.ListObservationsAsync(new ListObservationsRequest { MeasureId = Scenario.CountMeasure, OrganisationCodes = { "west-csc" } }, police).ResponseAsync,
            ["GetSeries"] = () => _platform.Measures.GetSeriesAsync(new GetSeriesRequest { MeasureId = Scenario.CountMeasure, OrganisationCode = "west-csc" }, police).ResponseAsync,
            ["AggregateMeasure"] = () => _platform.Measures.AggregateMeasureAsync(new AggregateMeasureRequest { MeasureId = Scenario.CountMeasure, OrganisationCodes = { "west-csc" } }, police).ResponseAsync,
            ["GetBalanceOfInformation"] = () => _platform.Measures.GetBalanceOfInformationAsync(new GetBalanceOfInformationRequest { OrganisationCode = "west-csc", Window = new Period { Code = Scenario.Year2025 } }, police).ResponseAsync,
            ["RecordObservation"] = () => _platform.Measures.RecordObservationAsync(Scenario.Record("west-csc", Scenario.CountMeasure, new Period { Code = Scenario.Year2024 }, Scenario.CountValue(99)), police).ResponseAsync,
        };
        var leaks = new List<string>();
        foreach (var (rpc, call) in attempts)
        {
            try
            {
                await call();
                leaks.Add(rpc + ": OK");
            }
            catch (RpcException ex) when (ex.StatusCode is not (StatusCode.PermissionDenied or StatusCode.InvalidArgument))
            {
                leaks.Add(rpc + ": " + ex.StatusCode);
            }
            catch (RpcException)
            {
                // Refused, as it must be.
            }
        }

        Assert.True(leaks.Count == 0, "west-police reached west-csc's rows on their shared instance:\n" + string.Join("\n", leaks));

        // West-csc's figures are as it recorded them (nothing written in its name).
        var csc = await _platform.Measures.ListObservationsAsync(new ListObservationsRequest { MeasureId = Scenario.CountMeasure, OrganisationCodes = { "west-csc" } }, TestPlatform.As(Scenario.AnalystToken("west-csc")));
        Assert.Equal("3", csc.Observations.Single(o => o.Period.Code == Scenario.Year2025).Value.Amount);
        Assert.DoesNotContain(csc.Observations, o => o.Period.Code == Scenario.Year2024);
    }

    [Fact]
    public async Task Called_directly_the_shared_instance_believes_no_identity_it_cannot_verify()
    {
        // Past the gateway, straight to the instance's port: what anyone inside the network could try.
        using var channel = GrpcChannel.ForAddress(_platform.Instances["west-shared"].Address);
        var direct = new MeasuresService.MeasuresServiceClient(channel);
        var police = Scenario.AnalystToken("west-police");
        var csc = Scenario.AnalystToken("west-csc");
        async Task<(StatusCode Status, string? Reason)> CscRows(Metadata headers)
        {
            try
            {
                var rows = await direct.ListObservationsAsync(
                    new ListObservationsRequest { MeasureId = Scenario.CountMeasure, OrganisationCodes = { "west-csc" } }, new CallOptions(headers, DateTime.UtcNow.AddSeconds(30)));
                Assert.NotEmpty(rows.Observations);
                return (StatusCode.OK, null);
            }
            catch (RpcException ex)
            {
                return (ex.StatusCode, ex.GetDetail<Google.Rpc.ErrorInfo>()?.Reason);
            }
        }

        Metadata ActingForCsc(string token, string? grant = null)
        {
            var headers = new Metadata { { "authorization", "Bearer " + token }, { TargetOrganisation.Header, "west-csc" } };
            if (grant is not null)
            {
                headers.Add(TargetGrant.Header, grant);
            }

            return headers;
        }

        // The identity headers services once believed, with no token: nobody.
        var forged = new Metadata { { "x-sg-user-id", "west-csc-analyst" }, { "x-sg-organisation", "west-csc" }, { "x-sg-roles", "analyst" }, { TargetOrganisation.Header, "west-csc" } };
        Assert.Equal((StatusCode.Unauthenticated, null), await CscRows(forged));

        // West-police's own valid token naming west-csc as the target: without a grant, with one signed by a key the
        // instance does not trust, and with a real grant made for another user's token.
        var refused = (StatusCode.PermissionDenied, TargetOrganisation.NotAllowedReason);
        Assert.Equal(refused, await CscRows(ActingForCsc(police)));
        var untrusted = TargetGrant.Mint("not-the-gateways-grant-key-0123456789abcdef", police, "west-police-analyst", "west-csc", TimeSpan.FromMinutes(2));
        Assert.Equal(refused, await CscRows(ActingForCsc(police, untrusted)));
        var lifted = TargetGrant.Mint(TestPlatform.SigningKey, csc, "west-csc-analyst", "west-csc", TimeSpan.FromMinutes(2));
        Assert.Equal(refused, await CscRows(ActingForCsc(police, lifted)));

        // Controls: the instance does answer direct calls with a token it validates, and a grant signed with the
        // gateway's key for this very caller and token, so the refusals above are about who vouched for what.
        Assert.Equal((StatusCode.OK, null), await CscRows(ActingForCsc(csc)));
        var granted = TargetGrant.Mint(TestPlatform.SigningKey, police, "west-police-analyst", "west-csc", TimeSpan.FromMinutes(2));
        Assert.Equal((StatusCode.OK, null), await CscRows(ActingForCsc(police, granted)));
    }

    [Fact]
    public async Task Free_text_of_an_observation_that_carries_a_childs_details_is_refused()
    {
        var analyst = TestPlatform.As(Scenario.AnalystToken("west-csc"));
        var details = $"{PersonalDataScanTests.ChildName}, NHS {PersonalDataScanTests.NhsNumber}, {PersonalDataScanTests.Email}";
        var current = (await _platform.Measures.RecordObservationAsync(
            Scenario.Record("west-csc", Scenario.CountMeasure, new Period { Code = "2022-04/P12M" }, Scenario.CountValue(6)), analyst)).Observation;

        var accepted = new List<string>();
        async Task Expect(string field, Func<Task> call)
        {
            try
            {
                await call();
                accepted.Add(field + ": accepted and stored");
            }
            catch (RpcException ex) when (ex.StatusCode != StatusCode.InvalidArgument)
            {
                accepted.Add(field + ": " + ex.StatusCode);
            }
            catch (RpcException)
            {
                // Refused, naming the field.
            }
        }

        await Expect("correction_reason", () => _platform.Measures.CorrectObservationAsync(
            new CorrectObservationRequest { ObservationId = current.Id, Value = Scenario.CountValue(4), CorrectionReason = "late referral for " + details }, analyst).ResponseAsync);
        await Expect("value.reason", () => _platform.Measures.RecordObservationAsync(
            Scenario.Record("west-csc", Scenario.CountMeasure, new Period { Code = "2021-04/P12M" }, new ObservationValue { State = ObservationState.Suppressed, Reason = "withheld: " + details }), analyst).ResponseAsync);
        var events = await _platform.Instances["west-shared"].OutboxAsync<Safeguarding.Measures.Persistence.MeasuresDbContext>();
        var published = PersonalDataScanTests.Scanner.ScanAll(events.Select(e => ("event", e)));
        Assert.True(accepted.Count == 0 && published.Count == 0,
            "free text with a child's NHS number and e-mail address:\n" + string.Join("\n", accepted) + "\nin events: " + string.Join("; ", published.Select(f => f.Kind).Distinct()));
    }

    [Fact]
    public async Task Baggage_sent_from_outside_is_not_carried_to_the_services()
    {
        var canary = PersonalDataScanTests.NhsNumber.Replace(" ", string.Empty, StringComparison.Ordinal);
        using var spans = new SpanCollector();
        var headers = new Metadata { { "baggage", "child.nhs_number=" + canary } };
        await _platform.Measures.ListObservationsAsync(
            new ListObservationsRequest { MeasureId = Scenario.CountMeasure, OrganisationCodes = { "west-csc" } }, TestPlatform.As(Scenario.AnalystToken("west-csc"), extra: headers));

        // The instance's server spans are the children of the gateway's forwarding calls to its address.
        var forwarded = spans.Spans.Where(s => s.Kind == System.Diagnostics.ActivityKind.Client
            && s.Tags.Any(t => t.Key == "url.full" && t.Value.StartsWith(_platform.Instances["west-shared"].Address.ToString(), StringComparison.Ordinal)))
            .Select(s => s.SpanId).ToHashSet();
        var served = spans.Spans.Where(s => s.Kind == System.Diagnostics.ActivityKind.Server && forwarded.Contains(s.ParentSpanId)).ToList();
        Assert.True(served.Count > 0, string.Join("\n", spans.Spans.Select(s => s.ToText())));
        var carried = served.Where(s => s.Baggage.Any(b => b.Value.Contains(canary, StringComparison.Ordinal))).ToList();
        Assert.True(carried.Count == 0, "baggage from outside reached the measures instance's spans:\n" + string.Join("\n", carried.Select(s => s.ToText())));
    }
}
