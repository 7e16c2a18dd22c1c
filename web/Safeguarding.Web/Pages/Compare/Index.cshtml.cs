using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Gateway.V1;
using Safeguarding.Measures.V1;
using Safeguarding.Web.Charts;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Compare;

/// <summary>
/// How the person's partnership compares for one measure and period (the latest by default): its figure and rank
/// among the region's partnerships (by the measure's polarity), the region's total, a chart and its table.
/// Figures are disclosure-controlled by the gateway: a hidden one is said in words and never ranked.
/// </summary>
public sealed class IndexModel(WebSessions sessions, GatewayCalls gateway, CompareGateway compare) : SignedInPageModel(sessions, gateway)
{
    [BindProperty(SupportsGet = true)]
    public string MeasureId { get; set; } = string.Empty;

    /// <summary>A period code ("2026-03/P1M"); empty for the latest.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    public IReadOnlyList<Period> Periods { get; private set; } = [];

    public Period? Chosen { get; private set; }

    public CompareWithPeersResponse? Answer { get; private set; }

    public string Title => Answer?.Measure?.Definition.Title ?? MeasureId;

    /// <summary>The compared partnership's own figure among the peers.</summary>
    public PeerFigure? Ours => Answer?.Peers.FirstOrDefault(p => p.Figure.OrganisationCode == Focus);

    /// <summary>The partnership compared: the person's, or the one their organisation belongs to.</summary>
    public string Focus { get; private set; } = string.Empty;

    public IReadOnlyList<Bar> Bars => Answer is null ? [] :
    [
        .. Answer.Peers.Select(p => new Bar(p.Figure.OrganisationCode, Number(p.Figure))),
        .. Answer.Region is { } region ? [new Bar("Region", Number(region))] : Array.Empty<Bar>(),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var refused = await AskAsync(async () =>
        {
            Periods = await compare.PeriodsAsync(Person, MeasureId, cancellationToken);
            Chosen = string.IsNullOrEmpty(Period) ? (Periods.Count > 0 ? Periods[0] : null) : Periods.FirstOrDefault(p => p.Code == Period);
            if (Chosen is null)
            {
                return;
            }

            Answer = await compare.CompareAsync(Person, MeasureId, Chosen, cancellationToken);
            Focus = await compare.PartnershipOfAsync(Person, cancellationToken) ?? string.Empty;
        });
        return refused ?? Page();
    }

    /// <summary>The figure as shown, or why not, in words.</summary>
    public static string Shown(AreaFigure figure) => figure.State == FigureState.Shown
        ? (figure.Value.Length > 0 ? figure.Value : figure.Amount?.Value ?? string.Empty)
        : Labels.State(figure.State);

    private static decimal? Number(AreaFigure figure) =>
        figure.State == FigureState.Shown && decimal.TryParse(Shown(figure), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;
}
