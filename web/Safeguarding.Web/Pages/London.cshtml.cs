using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Gateway.V1;
using Safeguarding.Web.Charts;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages;

/// <summary>
/// A measure across London for its latest period: every partnership's figure as the gateway's disclosure control
/// lets this person see it (small numbers hidden), with London's total; a chart and its table.
/// </summary>
public sealed class LondonModel(WebSessions sessions, GatewayCalls gateway) : SignedInPageModel(sessions, gateway)
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    public string PeriodLabel { get; private set; } = string.Empty;

    public IReadOnlyList<AreaFigure> Partnerships { get; private set; } = [];

    public AreaFigure? London { get; private set; }

    public int Unanswered { get; private set; }

    public IReadOnlyList<Bar> Bars => [.. Partnerships.Select(f => new Bar(f.OrganisationCode, f.State == FigureState.Shown ? Parse(Shown(f)) : null))];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var refused = await AskAsync(async () =>
        {
            var answer = await Gateway.Aggregation.GetMeasureAcrossOrganisationsAsync(
                new GetMeasureAcrossOrganisationsRequest { MeasureId = Id, TotalsOnly = true }, Gateway.As(Person, cancellationToken));
            Title = answer.Measure?.Definition.Title ?? Id;
            var latest = answer.Figures.Where(f => f.Level == FigureLevel.RegionTotal)
                .MaxBy(f => (f.Period.StartYear, f.Period.StartMonth))?.Period;
            if (latest is null)
            {
                return;
            }

            PeriodLabel = latest.Label;
            var inPeriod = answer.Figures.Where(f => f.Period.Code == latest.Code).ToList();
            London = inPeriod.FirstOrDefault(f => f.Level == FigureLevel.RegionTotal);
            Partnerships = [.. inPeriod.Where(f => f.Level != FigureLevel.RegionTotal).OrderBy(f => f.OrganisationCode, StringComparer.Ordinal)];
            Unanswered = answer.Outcomes.Count(o => o.Status is OrganisationStatus.Timeout or OrganisationStatus.Unavailable or OrganisationStatus.Failed);
        });
        return refused ?? Page();
    }

    /// <summary>The figure as shown: the value in the measure's unit, else the count.</summary>
    public static string Shown(AreaFigure figure) => figure.Value.Length > 0 ? figure.Value : figure.Amount?.Value ?? string.Empty;

    private static decimal? Parse(string value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : null;
}
