using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Import;
using Safeguarding.Measures.Tests.Support;

namespace Safeguarding.Measures.Tests.Import;

/// <summary>The other shipped mappings on small files with their releases' real headers (rows made up).</summary>
public sealed class OtherMappingsImportTests
{
    [Fact]
    public async Task Generic_layout_reads_its_own_columns_breakdowns_and_codes()
    {
        var mapping = ShippedMappings.Load("generic-monthly-team-audit.example.v1.yaml");
        const string text = """
            Month,Agency code,Team,Cases audited,Child remained the focus
            2025-04,AG01,North,10,8
            2025-04,AG01,All teams,25,n/a
            April 2025,AG01,South,-,3
            """;

        var rows = await Csv.ImportRowsAsync(text, mapping, Csv.Context(Csv.CatalogFor(mapping)));

        var north = rows[0].Observations.Single(o => o.Measure.MeasureId == "example.child_focus_maintained");
        Assert.Equal(Breakdown.Of(("team", "North")), north.Breakdown);
        Assert.Equal(Period.Month(2025, 4), north.Period);
        Assert.Equal(ObservationValue.Proportion(8, 10), north.Value);
        var total = rows[1].Observations.Single(o => o.Measure.MeasureId == "example.child_focus_maintained");
        Assert.True(total.Breakdown.IsTotal);
        Assert.Equal(ObservationState.NotApplicable, total.Value.State);
        Assert.Equal(ObservationState.NotAvailable, rows[2].Observations.Single(o => o.Measure.MeasureId == "example.cases_audited").Value.State);
    }

    [Fact]
    public async Task Cla_rows_feed_only_the_measure_their_population_type_names()
    {
        var mapping = ShippedMappings.Load("ees-cla-rates-per-10000.v1.yaml");
        const string text = """
            time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,population_type,population_estimate,children_count,rate_per_10000
            2025,Reporting year,Local authority,E92000001,England,E12000007,London,302,Barnet,E09000003,Children looked after on 31 March each year,95000,330,35
            2025,Reporting year,Local authority,E92000001,England,E12000007,London,302,Barnet,E09000003,Children starting to be looked after each year,95000,150,17
            2025,Reporting year,Local authority,E92000001,England,E12000001,North East,909,Cumbria,E10000006,Children looked after on 31 March each year,z,z,z
            2025,Reporting year,Local authority,E92000001,England,E12000007,London,302,Barnet,E09000003,Children in need,95000,150,16
            """;

        var rows = await Csv.ImportRowsAsync(text, mapping, Csv.Context(Csv.CatalogFor(mapping)));

        Assert.Equal("cla.looked_after_at_31_march_rate", rows[0].Observations.Single().Measure.MeasureId);
        Assert.Equal(CrossCheckStatus.Matched, rows[0].Checks.Single().Status); // 330 / 95000 × 10000 = 34.7 → 35
        Assert.Equal(CrossCheckStatus.Mismatched, rows[1].Checks.Single().Status); // 150 / 95000 × 10000 = 15.8 → 16, published 17
        Assert.Equal(ObservationState.NotApplicable, rows[2].Observations.Single().Value.State);
        Assert.Equal(RowOutcome.Skipped, rows[3].Outcome);
    }

    [Fact]
    public async Task Csww_reports_combined_authorities_and_tolerates_rounded_fte()
    {
        var mapping = ShippedMappings.Load("ees-csww-indicators.v1.yaml");
        const string header = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,inpost_fte,inpost_headcount,starters_fte,starters_headcount,leavers_fte,leavers_headcount,turnover_rate_fte,turnover_rate_headcount,agency_fte,agency_headcount,agency_rate_fte,agency_rate_headcount,agency_cover_fte,agency_cover_rate_fte,vacancy_fte,vacancy_rate_fte,vacancy_agency_cover_rate_fte,case_holders_fte,cases,caseload_fte,working_days_lost_fte,absence_rate_fte";
        var text = header + "\n"
            + "2025,Reporting year,Local authority,E92000001,England,E12000007,London,314 / 318,E09000021 / E09000027,Kingston upon Thames / Richmond upon Thames,200.0,210,30,31,25.0,26,12.5,12.4,20.0,21,9.1,9.1,15,75,30,12.0,50,150,2400,16.0,1000,2\n"
            + "2025,Reporting year,Local authority,E92000001,England,E12000007,London,302,E09000003,Barnet,250.3,260,30,31,47.1,48,18.9,18.5,20.0,21,7.4,7.4,15,75,30,10.7,50,150.4,2400,16.0,1000,2\n";

        var rows = await Csv.ImportRowsAsync(text, mapping, Csv.Context(Csv.CatalogFor(mapping)));

        Assert.Equal(ImportProblemCodes.CombinedOrganisation, rows[0].Problems.Single().Code);
        Assert.Empty(rows[0].Observations);
        Assert.Equal(RowOutcome.Imported, rows[1].Outcome);
        Assert.All(rows[1].Checks, c => Assert.Equal(CrossCheckStatus.Matched, c.Status)); // 47.1/250.3 = 18.82 → 18.8 vs 18.9: within 0.1
        Assert.Equal(new DateOnly(2025, 9, 30), rows[1].Observations[0].Period.End);
    }

    [Fact]
    public async Task Section_47_timeliness_divides_by_the_published_conferences_and_keeps_suppression()
    {
        var mapping = ShippedMappings.Load("ees-cin-section47-icpc.v1.yaml");
        const string text = """
            time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,Section47,Section47_child,ICPC,ICPC_child,Duration_0-10_days,Duration_11-15_days,Duration_16-20_days,Duration_21+_days,Duration_25th_Percentile,Duration_median,Duration_75th_Percentile
            2025,Reporting year,Local authority,E92000001,England,E12000001,North East,841,E06000005,Darlington,Section 47s and Initial Child Protection Conferences,403,367,141,138,12,80,21,27,14,15,20
            2025,Reporting year,Local authority,E92000001,England,E12000001,North East,805,E06000001,Hartlepool,Section 47s and Initial Child Protection Conferences,948,772,304,294,c,287,7,c,14,14,15
            """;

        var rows = await Csv.ImportRowsAsync(text, mapping, Csv.Context(Csv.CatalogFor(mapping)));

        Assert.Equal(ObservationValue.Proportion(92, 141), rows[0].Observations.Single(o => o.Measure.MeasureId == "cin.icpc_within_15_days").Value);
        var hartlepool = rows[1].Observations.Single(o => o.Measure.MeasureId == "cin.icpc_within_15_days").Value;
        Assert.Equal(ObservationState.Suppressed, hartlepool.State);
        Assert.Contains("Duration_0-10_days", hartlepool.Reason);
        Assert.Equal(948m, rows[1].Observations.Single(o => o.Measure.MeasureId == "cin.section47_enquiries").Value.Amount);
        Assert.Equal(ObservationValue.Proportion(141, 403), rows[0].Observations.Single(o => o.Measure.MeasureId == "cin.section47_led_to_icpc").Value);
    }

    [Fact]
    public async Task Regional_workforce_rates_are_the_published_ones_and_local_ones_are_recomputed()
    {
        var mapping = ShippedMappings.Load("ees-csww-indicators.v1.yaml");
        const string header = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,inpost_fte,inpost_headcount,starters_fte,starters_headcount,leavers_fte,leavers_headcount,turnover_rate_fte,turnover_rate_headcount,agency_fte,agency_headcount,agency_rate_fte,agency_rate_headcount,agency_cover_fte,agency_cover_rate_fte,vacancy_fte,vacancy_rate_fte,vacancy_agency_cover_rate_fte,case_holders_fte,cases,caseload_fte,working_days_lost_fte,absence_rate_fte";
        // The North East, 2024, as published: 271.5 / 2158.1 = 12.6%, but DfE's 14.0% leaves out Sunderland's "u" leavers.
        var text = header + "\n"
            + "2024,Reporting year,Regional,E92000001,England,E12000001,North East,,,,2158.1,2300,300,310,271.5,290,14,14.2,150,160,6.5,6.6,100,60,200,8.5,50,1300,21000,16.2,20000,3.9\n"
            + "2024,Reporting year,Local authority,E92000001,England,E12000001,North East,394,E08000024,Sunderland,227.4,240,30,31,u,u,u,low,0,0,0,0,0,0,10,4.2,0,150,2400,16.0,1000,2\n";

        var rows = await Csv.ImportRowsAsync(text, mapping, Csv.Context(Csv.CatalogFor(mapping)));

        var turnover = rows[0].Observations.Single(o => o.Measure.MeasureId == "csww.turnover_rate");
        Assert.Equal(ObservationValue.Measured(14m), turnover.Value);
        Assert.Equal(2158.1m, rows[0].Observations.Single(o => o.Measure.MeasureId == "csww.social_workers_fte").Value.Amount);
        Assert.Equal(ObservationState.LowReliability, rows[1].Observations.Single(o => o.Measure.MeasureId == "csww.turnover_rate").Value.State);
        Assert.Equal(ObservationValue.Proportion(10m, 237.4m), rows[1].Observations.Single(o => o.Measure.MeasureId == "csww.vacancy_rate").Value);
    }
}
