using Grpc.Net.Client;
using System.Globalization;
using Safeguarding.Cli.Connect;
using Safeguarding.Gateway.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Safeguarding.Cli.Demo;

/// <summary>
/// The London Board's view of the imported comparators: a region analyst asks the gateway for the
/// re-referral rate across every London partnership (fanned out, summed, disclosure-controlled) and
/// where one borough ranks among its peers.
/// </summary>
internal sealed class DemoLondonView(GatewayConnection gateway)
{
    public const string MeasureId = "cin.rereferrals_within_12_months";
    public const string ComparedBorough = "E09000007"; // Camden, as published.

    private static readonly string[] RegionAnalyst = ["region-analyst"];

    public async Task<DemoLondonSummary> AskAsync(CancellationToken cancellationToken)
    {
        var options = gateway.As(DemoPartnership.RegionCode, RegionAnalyst, cancellationToken, TimeSpan.FromSeconds(30));
        var aggregation = new MeasuresAggregation.MeasuresAggregationClient(gateway.Channel);
        var across = await aggregation.GetMeasureAcrossOrganisationsAsync(new GetMeasureAcrossOrganisationsRequest { MeasureId = MeasureId, TotalsOnly = true }, options);
        var london = across.Figures.Where(f => f.Level == FigureLevel.RegionTotal).LastOrDefault();
        var answered = across.Outcomes.Count(o => o.Status == OrganisationStatus.Ok);
        CompareWithPeersResponse? peers = null;
        if (london?.Period is { } period)
        {
            peers = await aggregation.CompareWithPeersAsync(new CompareWithPeersRequest { MeasureId = MeasureId, OrganisationCode = ComparedBorough, Period = period }, options);
        }

        return new DemoLondonSummary(
            across.Outcomes.Count,
            answered,
            london is null ? null : Describe(london, across.Measure?.Definition?.Unit == Measures.V1.MeasureUnit.Percentage ? "%" : string.Empty),
            peers is { Rank: > 0 } ? $"{peers.Rank.ToString(CultureInfo.InvariantCulture)} of {peers.RankedCount.ToString(CultureInfo.InvariantCulture)}" : null);
    }

    private static string Describe(AreaFigure figure, string unit) => figure.State switch
    {
        FigureState.Shown => $"{figure.Value}{unit} ({PeriodText(figure)})",
        _ => $"{figure.State} ({PeriodText(figure)})",
    };

    // As people name it ("2024-25 financial year"), from the measures service; the code only if it sent no label.
    private static string PeriodText(AreaFigure figure) =>
        figure.Period.Label is { Length: > 0 } label ? label : figure.Period.Code;
}

/// <summary>What the London view found: organisations asked and answering, London's latest total, the compared borough's rank.</summary>
internal sealed record DemoLondonSummary(int Asked, int Answered, string? LondonLatest, string? BoroughRank);
