using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.Returns;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Returns;

/// <summary>Who may see another organisation's figures under a dataset, by the state of its return (ADR 0018's rule).</summary>
public sealed class ReturnVisibilityRuleTests
{
    private static readonly ReturnViewer Partnership = new("p1", OrganisationKind.Partnership);
    private static readonly ReturnViewer OtherPartnership = new("p2", OrganisationKind.Partnership);
    private static readonly ReturnViewer Region = new("r1", OrganisationKind.Region);
    private static readonly ReturnViewer Agency = new("a2", OrganisationKind.Agency);
    private static readonly ReturnOwner AgencyOfP1 = new("a1", "Northbridge Police", "p1");
    private static readonly ReturnOwner P1 = new("p1", "Northbridge Partnership", "r1");

    [Theory]
    [InlineData(ReturnState.Open, false)]
    [InlineData(ReturnState.Submitted, true)]
    [InlineData(ReturnState.Approved, true)]
    [InlineData(ReturnState.Accepted, true)]
    [InlineData(ReturnState.Waived, false)]
    public void The_partnership_above_sees_its_agencys_figures_once_submitted(ReturnState state, bool visible) =>
        Assert.Equal(visible, ReturnVisibilityRule.Visible(Partnership, AgencyOfP1, state));

    [Theory]
    [InlineData(ReturnState.Open, false)]
    [InlineData(ReturnState.Submitted, false)]
    [InlineData(ReturnState.Approved, false)]
    [InlineData(ReturnState.Accepted, true)]
    [InlineData(ReturnState.Waived, false)]
    public void The_region_sees_a_partnerships_figures_only_once_accepted(ReturnState state, bool visible) =>
        Assert.Equal(visible, ReturnVisibilityRule.Visible(Region, P1, state));

    [Theory]
    [InlineData(ReturnState.Submitted, false)]
    [InlineData(ReturnState.Approved, true)]
    [InlineData(ReturnState.Accepted, true)]
    public void Anyone_else_sees_them_once_approved(ReturnState state, bool visible)
    {
        Assert.Equal(visible, ReturnVisibilityRule.Visible(OtherPartnership, AgencyOfP1, state));
        Assert.Equal(visible, ReturnVisibilityRule.Visible(Agency, AgencyOfP1, state));
        Assert.Equal(visible, ReturnVisibilityRule.Visible(Agency, P1, state));
    }

    [Theory]
    [InlineData(ReturnState.Open)]
    [InlineData(ReturnState.Waived)]
    public void An_organisation_always_sees_its_own_figures(ReturnState state) =>
        Assert.True(ReturnVisibilityRule.Visible(Partnership, P1, state));

    [Fact]
    public void A_held_back_return_is_named_in_words()
    {
        var held = new HeldBackReturn("a1", "Northbridge Police", "London common safeguarding dataset", PeriodSpan.Of(new DateOnly(2026, 1, 1), 3),
            ReturnState.Open, ReturnVisibilityRule.Wording(Partnership, AgencyOfP1, ReturnState.Open));
        Assert.Equal("Northbridge Police's return for January to March 2026 is not yet submitted: its figures are not included.", held.Sentence);
        Assert.Equal("is not yet approved", ReturnVisibilityRule.Wording(OtherPartnership, AgencyOfP1, ReturnState.Submitted));
        Assert.Equal("is not yet accepted by the region", ReturnVisibilityRule.Wording(Region, P1, ReturnState.Approved));
        Assert.Equal("was waived", ReturnVisibilityRule.Wording(Region, P1, ReturnState.Waived));
    }

    [Fact]
    public void The_shipped_london_dataset_is_read_from_the_measures_services_file()
    {
        var london = Assert.Single(DatasetCatalogue.BuiltIn.All, d => d.Id == "london-common");
        Assert.Equal(3, london.PeriodMonths);
        Assert.Equal(28, london.DueDaysAfterPeriodEnd);
        Assert.True(london.Covers("p1.referrals", "front-door-services-measure-1"));
        Assert.True(london.Covers("front-door-services-measure-1", null));
        Assert.False(london.Covers("p1.referrals", ""));
    }

    [Fact]
    public void Returns_are_in_force_from_the_first_period_anyone_returned_unless_every_period_is_configured_to_be()
    {
        var dataset = new DatasetDefinition("london-common", "London", 3, 28, new HashSet<string> { "m" });
        var first = new Dictionary<string, DateOnly> { ["london-common"] = new(2026, 1, 1) };
        var (before, from) = (PeriodSpan.Of(new DateOnly(2025, 10, 1), 3), PeriodSpan.Of(new DateOnly(2026, 1, 1), 3));

        Assert.False(new ReturnsInForce(first, always: false).Covers(dataset, before));
        Assert.True(new ReturnsInForce(first, always: false).Covers(dataset, from));
        Assert.False(new ReturnsInForce(new Dictionary<string, DateOnly>(), always: false).Covers(dataset, from)); // nobody returns it yet
        Assert.True(new ReturnsInForce(first, always: true).Covers(dataset, before));
    }

    [Fact]
    public void A_quarterly_datasets_periods_are_financial_quarters_and_a_year_is_in_none()
    {
        var quarterly = new DatasetDefinition("d", "D", 3, 28, new HashSet<string> { "m" });
        Assert.Equal("2026-01/P3M", quarterly.ReturnPeriodOf(PeriodSpan.Of(new DateOnly(2026, 2, 1), 1))?.Code);
        Assert.Equal("2025-04/P3M", quarterly.ReturnPeriodOf(PeriodSpan.Of(new DateOnly(2025, 4, 1), 3))?.Code);
        Assert.Null(quarterly.ReturnPeriodOf(PeriodSpan.Of(new DateOnly(2025, 4, 1), 12)));
        Assert.Null(quarterly.ReturnPeriodOf(PeriodSpan.Of(new DateOnly(2025, 5, 1), 3)));
        Assert.Equal(new DateOnly(2026, 4, 28), quarterly.DueOn(PeriodSpan.Of(new DateOnly(2026, 1, 1), 3)));
        Assert.Equal(["2025-04/P3M", "2025-07/P3M", "2025-10/P3M", "2026-01/P3M"],
            quarterly.PeriodsEndingWithin(new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 31)).Select(p => p.Code));
    }
}
