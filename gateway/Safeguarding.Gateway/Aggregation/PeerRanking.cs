using System.Globalization;
using Safeguarding.Gateway.Registry;
using Safeguarding.Measures.V1;
using OrganisationKind = Safeguarding.Gateway.Registry.OrganisationKind;

namespace Safeguarding.Gateway.Aggregation;

/// <summary>
/// Ranks the region's partnerships on one period's shown figures by the measure's polarity (1 = best,
/// ties share a rank). Suppressed, unavailable or incomplete figures are listed but not ranked — a rank
/// would hint at a suppressed value — and a measure with polarity "neither" is not ranked at all.
/// </summary>
public static class PeerRanking
{
    public sealed record RankedPeer(ComputedFigure Figure, int Rank);

    public sealed record Ranking(IReadOnlyList<RankedPeer> Peers, ComputedFigure? Region);

    public static Ranking Rank(RegistrySnapshot registry, IReadOnlyList<ComputedFigure> figures, MeasureUnit unit, Polarity polarity)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(figures);
        var byPartnership = figures
            .Where(f => f.Level == FigureLevel.PartnershipTotal || (f.Level == FigureLevel.Organisation && registry.Find(f.Organisation)?.Kind == OrganisationKind.Partnership))
            .ToDictionary(f => f.Organisation, StringComparer.Ordinal);
        var peers = registry.Children(registry.Region.Code).Select(p => byPartnership.GetValueOrDefault(p.Code)
            ?? new ComputedFigure(p.Code, FigureLevel.PartnershipTotal, (figures.Count > 0 ? figures[0].Period : string.Empty), FigureState.Unavailable, null, null, null, [], "no figure")).ToList();

        var ranked = new List<(ComputedFigure Figure, decimal Value)>();
        if (polarity is Polarity.HigherBetter or Polarity.LowerBetter)
        {
            foreach (var peer in peers.Where(p => p.State == FigureState.Shown))
            {
                if (ObservationFigures.ValueOf(unit, peer.Amount, peer.Numerator, peer.Denominator) is { } text)
                {
                    ranked.Add((peer, decimal.Parse(text, CultureInfo.InvariantCulture)));
                }
            }
        }

        var ordered = polarity == Polarity.HigherBetter ? ranked.OrderByDescending(r => r.Value) : ranked.OrderBy(r => r.Value);
        var result = new List<RankedPeer>();
        var position = 0;
        decimal? previous = null;
        var rank = 0;
        foreach (var (figure, value) in ordered.ThenBy(r => r.Figure.Organisation, StringComparer.Ordinal))
        {
            position++;
            if (previous != value)
            {
                rank = position;
                previous = value;
            }

            result.Add(new RankedPeer(figure, rank));
        }

        var rankedCodes = result.Select(r => r.Figure.Organisation).ToHashSet(StringComparer.Ordinal);
        result.AddRange(peers.Where(p => !rankedCodes.Contains(p.Organisation)).OrderBy(p => p.Organisation, StringComparer.Ordinal).Select(p => new RankedPeer(p, 0)));
        return new Ranking(result, figures.FirstOrDefault(f => f.Level == FigureLevel.RegionTotal));
    }
}
