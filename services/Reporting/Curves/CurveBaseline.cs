using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguarding.Reporting.Assembly;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.Planning;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Curves;

/// <summary>
/// A record's baseline with forecast, never stored with it: the measure's trend as the Report Book of the exercise's
/// financial year draws it (the same loader and series builder, so the numbers are the book's), with the targets and
/// forecasts of the targets store.
/// </summary>
internal sealed class CurveBaseline(EvidenceLoader loader, Targets.TargetStore targets, ReportingDbContext db, IOptions<ReportingOptions> options)
{
    public async Task FillAsync(TurningTheCurve record, CancellationToken cancellationToken)
    {
        var heldOn = DateOnly.ParseExact(record.HeldOn, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var window = PeriodSpan.Of(new DateOnly(QaYears.Of(heldOn), 4, 1), 12);
        var set = await loader.LoadAsync(record.OrganisationCode, window, BookAssembler.TrendMonths, cancellationToken);
        var measure = set.Measures.FirstOrDefault(m => m.Meta.MeasureId == record.MeasureId);
        if (measure is null)
        {
            record.MeasureTitle = await db.MeasureVersions.AsNoTracking().Where(m => m.MeasureId == record.MeasureId)
                .OrderByDescending(m => m.Version).Select(m => m.Title).FirstOrDefaultAsync(cancellationToken) ?? record.MeasureId;
            return;
        }

        var series = new SeriesBuilder(options.Value.DisclosureThreshold, null, await targets.IndexAsync(record.OrganisationCode, cancellationToken));
        var trend = series.Build(measure, set, years: 0).Trend;
        record.MeasureTitle = trend.Measure.Title;
        record.Baseline.AddRange(Points(trend));
    }

    /// <summary>The trend's points with their targets and forecasts, then the periods ahead with one set.</summary>
    internal static IEnumerable<BaselinePoint> Points(MeasureSeries trend)
    {
        foreach (var point in trend.Points)
        {
            yield return Point(point.Label, point.Value, trend.Targets?.At(point.Label));
        }

        foreach (var ahead in trend.Targets?.Ahead ?? [])
        {
            yield return Point(ahead.Label, null, ahead);
        }
    }

    private static BaselinePoint Point(string label, double? value, TargetPoint? target)
    {
        var point = new BaselinePoint { Label = label };
        if (value is { } v)
        {
            point.Value = v;
        }

        if (target?.Target is { } t)
        {
            point.Target = t;
        }

        if (target?.Forecast is { } f)
        {
            point.Forecast = f;
        }

        return point;
    }
}
