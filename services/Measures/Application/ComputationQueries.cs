using Safeguarding.Measures.Application.Returns;
using Safeguarding.Measures.Computations;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Organisations;
using Safeguarding.Measures.Persistence;

namespace Safeguarding.Measures.Application;

/// <summary>One period of a series: the current observation, its figure and interval, and how it moved.</summary>
public sealed record SeriesPointView(Period Period, Observation Observation, decimal? Value, ProportionInterval? Interval, ChangeResult FromPrevious, ChangeResult YearOnYear);

/// <summary>
/// Series, totals across organisations and the balance of information, computed from the current observations the
/// viewer may see (<see cref="ReturnVisibility"/>): a figure held back outside its organisation is left out before
/// anything is computed, so no change, total or share carries it.
/// </summary>
public sealed class ComputationQueries(MeasureReader measures, ObservationReader observations, OrganisationRegistry organisations, ReturnVisibility visibility)
{
    /// <summary>
    /// The observed periods of one organisation's measure and breakdown, in order. With version 0 every
    /// version's figures appear, each judged against its own definition (a change across versions is not comparable).
    /// </summary>
    public async Task<(MeasureView Measure, IReadOnlyList<SeriesPointView> Points)> SeriesAsync(
        string organisationCode, string measureId, int version, Breakdown breakdown, DateOnly? from, DateOnly? to, ReturnViewer viewer, CancellationToken cancellationToken)
    {
        RequireOrganisation(organisationCode);
        var (view, history) = await MeasureAsync(measureId, version, cancellationToken);
        var series = await visibility.VisibleAsync(viewer, [organisationCode], await observations.CurrentAsync(
            new ObservationFilter(measureId, [organisationCode], version == 0 ? null : version, BreakdownKey: breakdown.Key), cancellationToken), cancellationToken);
        var byPeriod = series.GroupBy(o => o.Period).ToDictionary(g => g.Key, g => g.OrderByDescending(o => o.Measure.Version).First());
        var points = new List<SeriesPointView>();
        foreach (var (period, observation) in byPeriod.OrderBy(p => p.Key))
        {
            if ((from is not null && period.Start < from) || (to is not null && period.Start > to))
            {
                continue;
            }

            var definition = history.Find(observation.Measure.Version) ?? view.Current;
            var unit = definition.Definition.Unit;
            var interval = definition.Definition is { Sampling: Sampling.Sample, Unit: MeasureUnit.Percentage } && observation.Value is { Numerator: { } n, Denominator: { } d }
                ? WilsonInterval.Compute(n, d)?.Scaled(MeasureArithmetic.Scale(unit))
                : null;
            points.Add(new SeriesPointView(
                period,
                observation,
                MeasureArithmetic.Compute(unit, observation.Value),
                interval,
                ChangeCalculator.Compare(definition, observation, byPeriod.GetValueOrDefault(period.Previous()), period, period.Previous()),
                ChangeCalculator.Compare(definition, observation, byPeriod.GetValueOrDefault(period.YearEarlier()), period, period.YearEarlier())));
        }

        return (view, points);
    }

    /// <summary>
    /// Totals of one version across organisations, per period: explicit codes, or every non-region
    /// organisation under <paramref name="parentCode"/>, or every known non-region organisation.
    /// </summary>
    public async Task<(MeasureView Measure, IReadOnlyList<string> Organisations, IReadOnlyList<AggregateResult> Totals)> AggregateAsync(
        string measureId, int version, IReadOnlyList<string> organisationCodes, string? parentCode, IReadOnlyList<Period> periods, DateOnly? from, DateOnly? to, Breakdown breakdown, ReturnViewer viewer, CancellationToken cancellationToken)
    {
        var scope = Scope(organisationCodes, parentCode);
        var (view, _) = await MeasureAsync(measureId, version, cancellationToken);
        var figures = await visibility.VisibleAsync(viewer, scope, await observations.CurrentAsync(
            new ObservationFilter(measureId, scope, From: periods.Count > 0 ? periods.Min(p => p.Start) : from, To: periods.Count > 0 ? periods.Max(p => p.Start) : to, BreakdownKey: breakdown.Key),
            cancellationToken), cancellationToken);
        var totalled = periods.Count > 0 ? periods : [.. figures.Select(o => o.Period).Distinct().Order()];
        return (view, scope, Aggregator.AggregateByPeriod(view.Current, breakdown, figures, totalled, scope));
    }

    public async Task<BalanceReport> BalanceAsync(string organisationCode, Period window, ReturnViewer viewer, CancellationToken cancellationToken)
    {
        RequireOrganisation(organisationCode);
        var held = await visibility.VisibleAsync(viewer, [organisationCode], await observations.CurrentAsync(
            new ObservationFilter(OrganisationCodes: [organisationCode], From: window.Start, To: window.End), cancellationToken), cancellationToken);
        var catalog = await measures.CatalogAsync(held.Select(o => o.Measure.MeasureId), cancellationToken);
        return BalanceCalculator.Compute(organisationCode, window, held, catalog);
    }

    private IReadOnlyList<string> Scope(IReadOnlyList<string> codes, string? parentCode)
    {
        if (codes.Count > 0)
        {
            return [.. codes.Select(c => RequireOrganisation(c).Code).Distinct(StringComparer.Ordinal)];
        }

        var candidates = parentCode is null ? organisations.All : organisations.Descendants(RequireOrganisation(parentCode).Code);
        return [.. candidates.Where(o => o.Kind != OrganisationKind.Region).Select(o => o.Code).Order(StringComparer.Ordinal)];
    }

    private async Task<(MeasureView View, MeasureHistory History)> MeasureAsync(string measureId, int version, CancellationToken cancellationToken)
    {
        var found = await measures.HistoryAsync(measureId, cancellationToken) ?? throw new ResourceNotFoundException("measure", measureId);
        var current = (version == 0 ? found.History.Current : found.History.Find(version))
            ?? throw new ResourceNotFoundException("measure version", $"{measureId}@v{version}");
        return (MeasureReader.View(found.Head, current, null), found.History);
    }

    private Organisation RequireOrganisation(string code) =>
        organisations.Find(code) ?? throw new ResourceNotFoundException("organisation", code);
}
