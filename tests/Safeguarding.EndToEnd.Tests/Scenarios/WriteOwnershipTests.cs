using Grpc.Core;
using Safeguarding.EndToEnd.Tests.Scenarios.Writes;
using Safeguarding.EndToEnd.Tests.Support;

namespace Safeguarding.EndToEnd.Tests.Scenarios;

/// <summary>
/// No organisation changes another's data, by any write RPC of any service. Every organisation shares one measures
/// and one reporting instance (as in the embedded demo, where only the services' own checks stand between them), and
/// the partnerships share one audits, one case reviews and one surveys instance (as the CLI's embedded default hosts
/// them): for each write RPC the owner sets up a record (a measure it defined, its content area, observation, return,
/// narrative entry, profile or report at each sign-off step, action, proposal, QA activity, chart event, target, Turning
/// the Curve record, audit tool, programme or case audit, case review, questionnaire, wave or story), then a user of
/// every other organisation — an agency of the same partnership, the partnership itself, the other partnership and its
/// agency, the region — with every writing role tries to change it, acting for its own organisation and for the owner's.
/// Each attempt must be refused (NOT_FOUND, as if the record did not exist, or PERMISSION_DENIED) and leave every
/// instance's stored data exactly as it was; then the owner's own write of the same kind must succeed. Where a write
/// on the owner's record is another organisation's to make (a return is approved by the partnership above it and
/// accepted by the region), the probe names the entitled ones: they make the control write, everyone else is refused.
/// The RPCs come from the proto descriptors, so a new write RPC fails <see cref="RpcCatalogueTests"/> until it has a
/// probe here.
/// </summary>
public sealed class WriteOwnershipTests : IAsyncLifetime
{
    private const string Measures = "shared-measures";
    private const string Reporting = "shared-reporting";

    private static readonly Topology Topology = new(Scenario.Region,
    [
        new PartnershipSpec("north", [new AgencySpec("north-csc", Instance: Measures), new AgencySpec("north-police", Instance: Measures)]),
        new PartnershipSpec("south", [new AgencySpec("south-csc", Instance: Measures)]),
    ], RegionMeasures: Measures, RegionReporting: Reporting,
        PartnershipServices: Topology.SharedServices.ToDictionary(service => service, service => "shared-" + service));

    /// <summary>Owners: an agency, and a partnership (whose agencies record against the measures it defines).</summary>
    private static readonly string[] Owners = ["north-csc", "north"];

    private TestPlatform _platform = null!;

    public async Task InitializeAsync() => _platform = await TestPlatform.StartAsync(Topology);

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    /// <summary>Every write RPC, with a probe for each (the catalogue test checks none is missing).</summary>
    public static IReadOnlyList<WriteCase> Cases(WriteCalls calls) =>
        [.. MeasuresWriteCases.All(calls), .. ReturnsWriteCases.All(calls), .. ReportingWriteCases.All(calls), .. ActionsRegisterWriteCases.All(calls),
         .. QaPlanningWriteCases.All(calls), .. TurningTheCurveWriteCases.All(calls), .. AuditsWriteCases.All(calls), .. CaseReviewsWriteCases.All(calls),
         .. SurveysWriteCases.All(calls)];

    [Fact]
    public async Task No_write_rpc_lets_any_other_organisation_change_the_owners_data_and_the_owner_can()
    {
        var calls = new WriteCalls(_platform);
        var crossings = new List<string>();
        var controls = new List<string>();
        var attempts = 0;
        foreach (var owner in Owners)
        {
            foreach (var rpc in Cases(calls))
            {
                var probe = await rpc.PrepareAsync(owner);
                var entitled = probe.Entitled ?? [owner];
                var before = await StateAsync();
                foreach (var caller in Organisations().Where(c => !entitled.Contains(c)))
                {
                    foreach (var target in new[] { caller, owner }.Distinct())
                    {
                        for (var i = 0; i < probe.Attempts.Count; i++)
                        {
                            attempts++;
                            var status = await StatusOf(() => probe.Attempts[i](target, WriteCalls.As(caller, target)));
                            if (status is not (StatusCode.NotFound or StatusCode.PermissionDenied) && !probe.AlsoRefusedAs.Contains(status))
                            {
                                crossings.Add($"{rpc.Rpc} (attempt {i + 1}) on {owner}'s data by {caller} ({Relation(caller, owner)}) acting for {target}: {status}");
                            }
                        }
                    }
                }

                var changed = StoredState.Changed(before, await StateAsync());
                if (changed.Count > 0)
                {
                    crossings.Add($"{rpc.Rpc}: other organisations' attempts on {owner}'s data changed {string.Join(", ", changed)}");
                }

                var expected = rpc.RoutedByGateway ? StatusCode.OK : StatusCode.PermissionDenied;
                var own = await StatusOf(() => probe.Control(WriteCalls.As(entitled[0])));
                if (own != expected)
                {
                    controls.Add($"{rpc.Rpc} on {owner}'s data by {entitled[0]}: {own}, expected {expected}");
                }
            }
        }

        Assert.True(controls.Count == 0, "The owners' own writes did not work as expected (the probes are wrong):\n" + string.Join("\n", controls));
        Assert.True(crossings.Count == 0, $"Writes across organisations ({crossings.Count} of {attempts} attempts):\n" + string.Join("\n", crossings));
    }

    private static IEnumerable<string> Organisations() =>
        new[] { Topology.Region }.Concat(Topology.Partnerships.Select(p => p.Code)).Concat(Topology.Agencies.Select(a => a.Code));

    private static string Relation(string caller, string owner)
    {
        string? PartnershipOf(string code) =>
            Topology.Partnerships.FirstOrDefault(p => p.Code == code || p.Agencies.Any(a => a.Code == code))?.Code;
        return caller == owner ? "the record's own organisation"
            : caller == Topology.Region ? "the region"
            : PartnershipOf(caller) == PartnershipOf(owner) ? "same partnership"
            : "another partnership";
    }

    // Every instance of the platform, each table prefixed with the instance's name.
    private async Task<Dictionary<string, string>> StateAsync()
    {
        var state = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var instance in _platform.Instances.Values)
        {
            foreach (var (table, hash) in await instance.StoredStateAsync())
            {
                state[instance.Name + " " + table] = hash;
            }
        }

        return state;
    }

    private static async Task<StatusCode> StatusOf(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }
}
