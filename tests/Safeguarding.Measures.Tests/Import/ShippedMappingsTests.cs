using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Import;
using Safeguarding.Measures.Tests.Support;

namespace Safeguarding.Measures.Tests.Import;

public sealed class ShippedMappingsTests
{
    // The real headers of the files each mapping was written for (dfe-analytical-services/CSC_outcomes_and_enablers, data-raw/).
    public static TheoryData<string, string> RealHeaders => new()
    {
        { "ees-cin-referrals-rereferrals.v1.yaml", "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,referral_count,rereferral_count,rereferral_percent,no_further_action_count,no_further_action_percent,not_in_need_count,not_in_need_percent,referral_child_count,rereferral_child_count,rereferral_child_percent" },
        { "ees-cin-section47-icpc.v1.yaml", "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,Section47,Section47_child,ICPC,ICPC_child,Duration_0-10_days,Duration_11-15_days,Duration_16-20_days,Duration_21+_days,Duration_25th_Percentile,Duration_median,Duration_75th_Percentile" },
        { "ees-cpp-subsequent-plans.v1.yaml", "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,CPP_start,CPP_subsequent,CPP_subsequent_percent" },
        { "ees-cpp-duration-at-31-march.v1.yaml", "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,CPP_At31,3_months_or_less,3_months_or_less_percent,more_than_3_months_6_months,more_than_3_months_6_months_percent,more_than_6_months_less_than_1_year,more_than_6_months_less_than_1_year_percent,1_year_less_than_2_years,1_year_less_than_2_years_percent,2_years_or_more,2_years_or_more_percent" },
        { "ees-cla-rates-per-10000.v1.yaml", "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,population_type,population_estimate,children_count,rate_per_10000" },
        { "ees-csww-indicators.v1.yaml", "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,inpost_fte,inpost_headcount,starters_fte,starters_headcount,leavers_fte,leavers_headcount,turnover_rate_fte,turnover_rate_headcount,agency_fte,agency_headcount,agency_rate_fte,agency_rate_headcount,agency_cover_fte,agency_cover_rate_fte,vacancy_fte,vacancy_rate_fte,vacancy_agency_cover_rate_fte,case_holders_fte,cases,caseload_fte,working_days_lost_fte,absence_rate_fte" },
    };

    [Fact]
    public void Every_shipped_mapping_loads_and_defines_its_measures()
    {
        Assert.Contains("ees-cin-referrals-rereferrals.v1.yaml", ShippedMappings.Names);
        foreach (var mapping in ShippedMappings.All())
        {
            Assert.All(mapping.Measures, m => Assert.NotNull(m.Definition));
            Assert.All(mapping.Measures, m => Assert.Empty(MeasureDefinitionRules.Validate(m.Definition!)));
        }
    }

    [Fact]
    public void Every_published_mapping_has_a_test_header()
    {
        var tested = RealHeaders.Select(row => (string)row[0]).ToHashSet();

        Assert.All(ShippedMappings.All().Where(m => m.ColumnsVerified), m => Assert.Contains(ShippedMappings.Names.Single(n => n.StartsWith(m.Id, StringComparison.Ordinal)), tested));
    }

    [Theory]
    [MemberData(nameof(RealHeaders))]
    public async Task Binds_to_the_real_header_of_its_release(string name, string header)
    {
        var mapping = ShippedMappings.Load(name);

        var rows = await Csv.ImportRowsAsync(header + "\n", mapping, Csv.Context(Csv.CatalogFor(mapping)));

        Assert.Empty(rows);
    }

    [Fact]
    public void An_unknown_name_lists_what_is_shipped() =>
        Assert.Contains("ees-cin-referrals-rereferrals", Assert.Throws<DomainValidationException>(() => ShippedMappings.Load("nope.yaml")).Problems.Single().Description);
}
