using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Grpc;
using Safeguarding.Gateway.Registry;
using Safeguarding.Gateway.Tests.Registry;
using Safeguarding.Gateway.Tests.Support;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Tests.Auth;

/// <summary>
/// Every RPC × every role × every caller organisation × every target organisation, against an
/// expectation written out by hand for the test registry (not computed by the code under test).
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private static readonly RegistrySnapshot Registry = RegistryBuilderTests.Load(TestRegistry.Document(new Dictionary<string, Uri>
    {
        ["camden-shared"] = new("http://10.0.0.1:5000"),
        ["islington"] = new("http://10.0.0.2:5000"),
        ["islington-csc"] = new("http://10.0.0.3:5000"),
    }));

    // Whose row-level data each organisation's members may read: their own (an agency also its units),
    // plus, for a partnership, its agencies that share (and their units). The region: nobody's.
    private static readonly Dictionary<string, string[]> RowVisible = new()
    {
        ["london"] = [],
        ["camden"] = ["camden", "camden-csc", "camden-csc-north", "camden-csc-east", "camden-health"],
        ["camden-csc"] = ["camden-csc", "camden-csc-north", "camden-csc-east"],
        ["camden-csc-north"] = ["camden-csc-north"],
        ["camden-csc-east"] = ["camden-csc-east"],
        ["camden-police"] = ["camden-police"],
        ["camden-health"] = ["camden-health"],
        ["islington"] = ["islington", "islington-csc"],
        ["islington-csc"] = ["islington-csc"],
        ["islington-police"] = ["islington-police"],
    };

    // Whose data each organisation's members may change: their own, and an agency's units.
    private static readonly Dictionary<string, string[]> Writable = new()
    {
        ["london"] = [],
        ["camden"] = ["camden"],
        ["camden-csc"] = ["camden-csc", "camden-csc-north", "camden-csc-east"],
        ["camden-csc-north"] = ["camden-csc-north"],
        ["camden-csc-east"] = ["camden-csc-east"],
        ["camden-police"] = ["camden-police"],
        ["camden-health"] = ["camden-health"],
        ["islington"] = ["islington"],
        ["islington-csc"] = ["islington-csc"],
        ["islington-police"] = ["islington-police"],
    };

    // Every policy set the gateway ships (each *Policies class's Create()), so a new service's set is checked too.
    private static readonly RpcPolicySet[] Shipped = typeof(RpcPolicySet).Assembly.GetTypes()
        .Where(t => t.Name.EndsWith("Policies", StringComparison.Ordinal) && t.IsAbstract && t.IsSealed)
        .Select(t => t.GetMethod("Create", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static, Type.EmptyTypes))
        .Where(m => m?.ReturnType == typeof(RpcPolicySet))
        .Select(m => (RpcPolicySet)m!.Invoke(null, null)!)
        .ToArray();

    private static readonly RpcPolicyTable Table = new([.. Shipped, TestPolicies.Echo()]);

    [Fact]
    public void Every_decision_matches_the_hand_written_expectation()
    {
        var mismatches = new List<string>();
        var decisions = 0;
        foreach (var policy in Table.All)
        {
            foreach (var role in Roles.All)
            {
                foreach (var caller in TestRegistry.Codes)
                {
                    foreach (var target in TestRegistry.Codes)
                    {
                        var actual = AccessControl.Decide(policy, new Caller("u", caller, new HashSet<string> { role }), target, Registry).Allowed;
                        decisions++;
                        if (actual != Expected(policy, role, caller, target))
                        {
                            mismatches.Add($"{policy.Path} {role} {caller}→{target}: {(actual ? "allowed" : "denied")}");
                        }
                    }
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches.Take(50)));
        Assert.Equal(Table.All.Count * Roles.All.Count * 100, decisions);
    }

    [Fact]
    public void No_row_level_rpc_lets_anyone_reach_outside_their_organisation()
    {
        var leaks = from policy in Table.All.Where(p => p.IsRowLevel)
                    from role in Roles.All
                    from caller in TestRegistry.Codes
                    from target in TestRegistry.Codes
                    where !RowVisible[caller].Contains(target)
                    where !IsRegionsOwnPublishedFigures(policy, caller, target, new HashSet<string>(Roles.All))
                    where AccessControl.Decide(policy, new Caller("u", caller, new HashSet<string>(Roles.All)), target, Registry).Allowed
                    select $"{policy.Path} {caller}→{target}";

        Assert.Empty(leaks);
        Assert.Contains(Table.All, p => p.IsRowLevel);
    }

    [Fact]
    public void The_region_and_operators_never_reach_row_level_data()
    {
        var everything = new HashSet<string>(Roles.All);
        foreach (var policy in Table.All.Where(p => p.IsRowLevel))
        {
            foreach (var target in TestRegistry.Codes)
            {
                // The one exception: the region's own code, which holds only published figures (below).
                Assert.Equal(IsRegionsOwnPublishedFigures(policy, "london", target, everything), AccessControl.Decide(policy, new Caller("u", "london", everything), target, Registry).Allowed);
                Assert.False(AccessControl.Decide(policy, new Caller("u", target, new HashSet<string> { Roles.Operator }), target, Registry).Allowed);
                var regionAnalyst = new HashSet<string> { Roles.RegionAnalyst };
                Assert.Equal(IsRegionsOwnPublishedFigures(policy, target, target, regionAnalyst), AccessControl.Decide(policy, new Caller("u", target, regionAnalyst), target, Registry).Allowed);
            }
        }

        Assert.All(Table.All.Where(p => p.Roles.Contains(Roles.Operator)), p => Assert.Equal(DataAccess.Operations, p.Access));
    }

    [Fact]
    public void A_region_reads_and_imports_published_figures_for_itself_and_nothing_else()
    {
        // Issue 19 item 6: the region holds no organisation's rows, so its own code carries published figures only.
        var withPublished = Table.All.Where(p => p.PublishedFiguresRoles.Count > 0).Select(p => p.Path).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["/safeguarding.measures.v1.MeasuresService/GetSeries", "/safeguarding.measures.v1.MeasuresService/ImportCsv", "/safeguarding.measures.v1.MeasuresService/ListObservations"],
            withPublished.Where(p => p.StartsWith("/safeguarding.measures.", StringComparison.Ordinal)));
        // Besides them only the region's own reports (made from published figures and aggregates: ADR 0017).
        Assert.All(withPublished.Where(p => !p.StartsWith("/safeguarding.measures.", StringComparison.Ordinal)),
            p => Assert.StartsWith("/safeguarding.reporting.v1.ReportingService/", p, StringComparison.Ordinal));

        var regionAnalyst = new Caller("u", "london", new HashSet<string> { Roles.RegionAnalyst });
        var boardMember = new Caller("u", "london", new HashSet<string> { Roles.BoardMember });
        var series = Table.Find("/safeguarding.measures.v1.MeasuresService/GetSeries")!;
        var import = Table.Find("/safeguarding.measures.v1.MeasuresService/ImportCsv")!;
        var aggregate = Table.Find("/safeguarding.measures.v1.MeasuresService/AggregateMeasure")!;
        var record = Table.Find("/safeguarding.measures.v1.MeasuresService/RecordObservation")!;

        Assert.True(AccessControl.Decide(series, regionAnalyst, "london", Registry).Allowed);
        Assert.True(AccessControl.Decide(series, boardMember, "LONDON", Registry).Allowed);
        Assert.True(AccessControl.Decide(import, regionAnalyst, "london", Registry).Allowed);

        // Still refused: any organisation's rows, writes other than imports, and totals under the region.
        foreach (var target in TestRegistry.Codes.Where(c => c != "london"))
        {
            Assert.False(AccessControl.Decide(series, regionAnalyst, target, Registry).Allowed);
            Assert.False(AccessControl.Decide(import, regionAnalyst, target, Registry).Allowed);
        }

        Assert.False(AccessControl.Decide(aggregate, regionAnalyst, "london", Registry).Allowed);
        Assert.False(AccessControl.Decide(record, regionAnalyst, "london", Registry).Allowed);
        Assert.False(AccessControl.Decide(import, new Caller("u", "london", new HashSet<string> { Roles.BoardMember }), "london", Registry).Allowed);
        // A region-analyst role held in a partnership gains nothing from the exception.
        Assert.False(AccessControl.Decide(import, new Caller("u", "camden", new HashSet<string> { Roles.RegionAnalyst }), "camden", Registry).Allowed);
    }

    [Fact]
    public void A_refusal_says_why_and_what_to_do_without_naming_the_organisation()
    {
        var import = Table.Find("/safeguarding.measures.v1.MeasuresService/ImportCsv")!;
        var analyst = new HashSet<string> { Roles.Analyst };

        var outside = AccessControl.Decide(import, new Caller("u", "camden", analyst), "islington", Registry);
        var unknown = AccessControl.Decide(import, new Caller("u", "camden", analyst), "E92000001", Registry);
        var role = AccessControl.Decide(import, new Caller("u", "camden", new HashSet<string> { Roles.BoardMember }), "camden", Registry);

        Assert.Contains("own organisation", outside.Message, StringComparison.Ordinal);
        Assert.Contains("Published figures", outside.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("islington", outside.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not in the registry", unknown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("E92000001", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("roles", role.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rpc_the_gateway_serves_or_routes_has_a_policy()
    {
        // Every service of the platform's contracts (a new service's protos are found, not listed here), health and reflection.
        var contracts = new Safeguarding.Gateway.Json.JsonProtoFiles([]).All.SelectMany(f => f.Services).Where(s => s.File.Package.StartsWith("safeguarding.", StringComparison.Ordinal));
        var services = contracts.Concat([global::Grpc.Health.V1.Health.Descriptor, global::Grpc.Reflection.V1.ServerReflection.Descriptor, global::Grpc.Reflection.V1Alpha.ServerReflection.Descriptor]).ToList();
        Assert.Contains(services, s => s.FullName == MeasuresPolicies.Measures.FullName);
        Assert.True(Shipped.Length >= 3, "the gateway's policy sets were found");
        var deliberatelyUnrouted = ReportingPolicies.NotRouted.Select(method => $"/{ReportingPolicies.Reporting.FullName}/{method}").ToHashSet();

        var missing = services.SelectMany(s => s.Methods).Select(m => $"/{m.Service.FullName}/{m.Name}").Where(path => Table.Find(path) is null && !deliberatelyUnrouted.Contains(path));

        Assert.Empty(missing);
        Assert.All(deliberatelyUnrouted, path => Assert.Null(Table.Find(path)));
        Assert.Null(Table.Find("/safeguarding.gatewaytest.v1.EchoService/Unpoliced"));
    }

    [Fact]
    public void Unknown_organisations_are_denied()
    {
        var policy = Table.Find("/safeguarding.measures.v1.MeasuresService/GetMeasure")!;

        Assert.False(AccessControl.Decide(policy, new Caller("u", "nowhere", new HashSet<string> { Roles.Analyst }), "camden", Registry).Allowed);
        Assert.False(AccessControl.Decide(policy, new Caller("u", "camden", new HashSet<string> { Roles.Analyst }), "nowhere", Registry).Allowed);
    }

    [Fact]
    public void Codes_in_tokens_and_headers_compare_ignoring_case()
    {
        var read = Table.Find("/safeguarding.measures.v1.MeasuresService/ListObservations")!;
        var write = Table.Find("/safeguarding.measures.v1.MeasuresService/RecordObservation")!;
        var analyst = new HashSet<string> { Roles.Analyst };

        Assert.True(AccessControl.Decide(read, new Caller("u", "CAMDEN-CSC", analyst), "camden-csc-North", Registry).Allowed);
        Assert.True(AccessControl.Decide(write, new Caller("u", "Camden", analyst), "CAMDEN", Registry).Allowed);
        Assert.False(AccessControl.Decide(read, new Caller("u", "CAMDEN-CSC", analyst), "ISLINGTON-CSC", Registry).Allowed);
    }

    /// <summary>The region's own code on an RPC that reads or imports published figures: the region holds nothing else.</summary>
    // The region's own records: its published figures and its own reports (ADR 0017), for the roles each RPC names.
    private static bool IsRegionsOwnPublishedFigures(RpcPolicy policy, string caller, string target, IReadOnlySet<string> roles) =>
        policy.PublishedFiguresRoles.Overlaps(roles) && caller == "london" && target == "london";

    private static bool Expected(RpcPolicy policy, string role, string caller, string target)
    {
        if (policy.Access == DataAccess.AnonymousHealth)
        {
            return true;
        }

        if (policy.PublishedFiguresRoles.Contains(role) && caller == "london" && target == "london")
        {
            return true;
        }

        if (!policy.Roles.Contains(role))
        {
            return false;
        }

        return policy.Access switch
        {
            DataAccess.Operations or DataAccess.Reference or DataAccess.Aggregate => true,
            DataAccess.RowRead or DataAccess.Export => RowVisible[caller].Contains(target),
            DataAccess.RowWrite => Writable[caller].Contains(target),
            _ => false,
        };
    }
}
