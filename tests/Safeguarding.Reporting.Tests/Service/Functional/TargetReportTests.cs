using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Tests.Service.Support;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Service.Functional;

/// <summary>
/// A report copies the organisation's targets and forecasts onto its trends when drafted (those in the trend's
/// periods and forecasts for the periods after), and its pages draw and judge them.
/// </summary>
public sealed class TargetReportTests : PublishedPartnershipHost
{
    [Fact]
    public async Task The_book_carries_each_measures_targets_and_forecasts_and_says_whether_the_latest_figure_met_its_target()
    {
        var qa = new QaPlanningCaller(Channel, Partnership.Code);
        await SetAsync(qa, Partnership.FeelSafer, "2025-03/P1M", target: 60, forecast: null);
        await SetAsync(qa, Partnership.FeelSafer, "2025-05/P1M", target: null, forecast: 55);
        await SetAsync(qa, Partnership.PlansClear, "2025-03/P1M", target: 70, forecast: 72);
        await SetAsync(qa, Partnership.PlansClear, "2022-04/P1M", target: 10, forecast: null); // before the trend: left off

        var (report, book) = await DraftBookAsync("2024-04/P12M");
        var trends = book.Sheets.SelectMany(s => s.Measures).ToDictionary(m => m.Measure.Id, m => m.Trend);

        Assert.Equal([new TargetPoint("Mar 2025", 60, null)], trends[Partnership.FeelSafer].Targets!.AtPoints);
        // The forecast two months on: the month between is kept, empty, so the axis runs on without a gap.
        Assert.Equal([new TargetPoint("Apr 2025", null, null), new TargetPoint("May 2025", null, 55)], trends[Partnership.FeelSafer].Targets!.Ahead);
        Assert.Equal([new TargetPoint("Mar 2025", 70, 72)], trends[Partnership.PlansClear].Targets!.AtPoints);
        Assert.Empty(trends[Partnership.PlansClear].Targets!.Ahead);
        Assert.Null(trends[Partnership.Referrals].Targets);
        Assert.All(book.Sheets.SelectMany(s => s.Measures), m => Assert.Null(m.YearOnYear?.Targets));

        var html = (await Host.Client.HtmlAsync(report.Id)).Content.ToStringUtf8();
        Assert.Contains("The latest figure, 48.0% (Mar 2025), did not meet its target of 60.0% (higher is better).", html, StringComparison.Ordinal);
        Assert.Contains("The latest figure, 75.0% (Mar 2025), met its target of 70.0%.", html, StringComparison.Ordinal);
        Assert.Contains("The forecast is 55.0% by May 2025.", html, StringComparison.Ordinal);
    }

    private Task<MeasureTarget> SetAsync(QaPlanningCaller qa, string measure, string period, double? target, double? forecast)
    {
        var t = new MeasureTarget { OrganisationCode = Partnership.Code, MeasureId = measure, PeriodCode = period };
        if (target is { } v)
        {
            t.Target = v;
        }

        if (forecast is { } f)
        {
            t.Forecast = f;
        }

        return qa.CallAsync<SetMeasureTargetRequest, MeasureTarget>("SetMeasureTarget", new SetMeasureTargetRequest { Target = t });
    }
}
