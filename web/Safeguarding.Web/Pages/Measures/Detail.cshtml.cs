using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Measures.V1;
using Safeguarding.Web.Charts;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages.Measures;

/// <summary>One measure of the person's organisation over time: a chart and the table it draws.</summary>
public sealed class DetailModel(WebSessions sessions, GatewayCalls gateway) : SignedInPageModel(sessions, gateway)
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    public Measure? Measure { get; private set; }

    public IReadOnlyList<SeriesPoint> Points { get; private set; } = [];

    /// <summary>Whether to offer recording and correcting (the roles the gateway lets record; it still decides).</summary>
    public bool CanRecord => Person.Has("analyst") || Person.Has("auditor") || Person.Has("survey-admin");

    public IReadOnlyList<Bar> Bars => [.. Points.Select(p => new Bar(p.Period.Label, Parse(p.Value)))];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var refused = await AskAsync(async () =>
        {
            var series = await Gateway.Measures.GetSeriesAsync(
                new GetSeriesRequest { OrganisationCode = Person.Organisation, MeasureId = Id }, Gateway.As(Person, cancellationToken));
            Measure = series.Measure;
            Points = series.Points;
        });
        return refused ?? Page();
    }

    private static decimal? Parse(string value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : null;
}
