using Safeguarding.Gateway.V1;
using Safeguarding.Measures.V1;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Gateway;

/// <summary>"How do we compare": the person's partnership beside every partnership in the region, ranked, with the region's total.</summary>
public sealed class CompareGateway(GatewayCalls gateway)
{
    /// <summary>The periods the region has a total for, newest first (what there is to compare).</summary>
    public async Task<IReadOnlyList<Period>> PeriodsAsync(SignedInUser person, string measureId, CancellationToken cancellationToken)
    {
        var across = await gateway.Aggregation.GetMeasureAcrossOrganisationsAsync(
            new GetMeasureAcrossOrganisationsRequest { MeasureId = measureId, TotalsOnly = true }, gateway.As(person, cancellationToken));
        return [.. across.Figures.Where(f => f.Level == FigureLevel.RegionTotal).Select(f => f.Period)
            .DistinctBy(p => p.Code).OrderByDescending(p => (p.StartYear, p.StartMonth))];
    }

    /// <summary>The partnership a person's figures are compared as: their organisation, or the nearest partnership above it.</summary>
    public async Task<string?> PartnershipOfAsync(SignedInUser person, CancellationToken cancellationToken)
    {
        var registry = await new GatewayOperations.GatewayOperationsClient(gateway.Channel).GetRegistryAsync(new GetRegistryRequest(), gateway.As(person, cancellationToken));
        var byCode = registry.Organisations.ToDictionary(o => o.Code, StringComparer.Ordinal);
        for (var code = person.Organisation; byCode.TryGetValue(code, out var organisation); code = organisation.ParentCode)
        {
            if (organisation.Kind == Safeguarding.Gateway.V1.OrganisationKind.Partnership)
            {
                return organisation.Code;
            }
        }

        return null;
    }

    public async Task<CompareWithPeersResponse> CompareAsync(SignedInUser person, string measureId, Period period, CancellationToken cancellationToken) =>
        await gateway.Aggregation.CompareWithPeersAsync(
            new CompareWithPeersRequest { MeasureId = measureId, Period = new Period { Code = period.Code } }, gateway.As(person, cancellationToken));
}
