using Safeguarding.EndToEnd.Tests.Scenarios.Writes;
using Safeguarding.EndToEnd.Tests.Support;

namespace Safeguarding.EndToEnd.Tests.Scenarios;

/// <summary>
/// Every RPC of the platform's services is known to be a read or a write, and every write is probed by
/// <see cref="WriteOwnershipTests"/>: a new RPC fails here until it is classified (by its verb) and, if it writes,
/// given a probe.
/// </summary>
public sealed class RpcCatalogueTests
{
    [Fact]
    public void Every_rpc_is_classified_as_a_read_or_a_write_by_its_verb()
    {
        var rpcs = RpcCatalogue.All();

        Assert.Contains(rpcs, m => RpcCatalogue.Key(m) == "safeguarding.measures.v1.MeasuresService/RetireMeasure");
        Assert.Contains(rpcs, m => RpcCatalogue.Key(m) == "safeguarding.reporting.v1.ReportingService/PublishReport");
        Assert.Empty(rpcs.Where(m => RpcCatalogue.Classify(m.Name) is null).Select(RpcCatalogue.Key));
    }

    [Fact]
    public void Every_write_rpc_has_an_ownership_probe_and_every_probe_is_a_write_rpc()
    {
        var writes = RpcCatalogue.All()
            .Where(m => RpcCatalogue.Classify(m.Name) == RpcKind.Write)
            .Select(RpcCatalogue.Key).Order(StringComparer.Ordinal);
        var probed = WriteOwnershipTests.Cases(new WriteCalls(null!)).Select(c => c.Rpc).ToList();

        Assert.Equal(probed.Count, probed.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(writes, probed.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("GetMeasure", RpcKind.Read)]
    [InlineData("ListReports", RpcKind.Read)]
    [InlineData("AggregateMeasure", RpcKind.Read)]
    [InlineData("RetireMeasure", RpcKind.Write)]
    [InlineData("SetReportingProfile", RpcKind.Write)]
    [InlineData("Settle", null)]
    [InlineData("Getaway", null)]
    [InlineData("Purge", null)]
    public void A_verb_decides_the_kind(string method, RpcKind? kind) => Assert.Equal(kind, RpcCatalogue.Classify(method));
}
