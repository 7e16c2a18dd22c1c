using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Safeguarding.CaseReviews.Events.V1;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Events;
using Safeguarding.Reporting.Tests.Service.Support;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Service.Functional;

/// <summary>
/// One actions register over real gRPC: actions entered, case review actions from ActionUpdated events and narrative
/// actions side by side, "did it move?" from the observation read model, overdue by organisation, recommendations
/// becoming actions, and who may see and write what.
/// </summary>
public abstract class ActionsRegisterTests : IAsyncLifetime
{
    private readonly FictionalPartnership _partnership = new();
    private ReportingHost _host = null!;

    private string Agency => _partnership.Code + "-police";

    public async Task InitializeAsync()
    {
        _host = await ReportingHost.StartAsync(Database);
        var before = await _host.QueryAsync(db => db.ReceivedEvents.CountAsync());
        var published = await _partnership.PublishEvidenceAsync(_host);
        await _partnership.RecordNarrativeAsync(_host.Client);
        await _host.Client.SetProfileAsync(new ReportingProfile { OrganisationCode = Agency, Name = "Northbridge Police", Kind = OrganisationKind.Agency, ParentCode = _partnership.Code });
        await _host.WaitForReceivedAsync(before + published);
    }

    protected abstract TestDatabase Database { get; }

    public virtual async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Case_review_entered_and_narrative_actions_appear_in_one_register_with_whether_the_measure_moved()
    {
        // A case review action on clear plans: agreed in July 2024, completed at the end of December (60% before, 75% after).
        await PublishReviewActionAsync("in-progress", completedOn: "", at: new DateTime(2024, 7, 1, 9, 0, 0, DateTimeKind.Utc));
        await PublishReviewActionAsync("evidenced", completedOn: "2024-12-31", at: new DateTime(2025, 1, 5, 9, 0, 0, DateTimeKind.Utc));
        await PublishReviewActionAsync("in-progress", completedOn: "", at: new DateTime(2024, 8, 1, 9, 0, 0, DateTimeKind.Utc)); // late, stale: ignored
        var audit = await _host.Actions.CreateAsync(AuditAction(), asOrganisation: Agency);

        var register = await _host.Actions.ListAsync(_partnership.Code);

        Assert.Equal(3, register.Count);
        var review = Assert.Single(register, a => a.Source == RegisterActionSource.CaseReview);
        Assert.Equal((Agency, _partnership.Code, RegisterActionStatus.Completed, "2024-12-31", true), (review.OrganisationCode, review.PartnershipCode, review.Status, review.CompletedOn, review.ReadOnly));
        Assert.Equal(MovementVerdict.Better, review.Movement.Verdict);
        Assert.Equal((60.0, 75.0, 6, 3), (review.Movement.Before, review.Movement.After, review.Movement.PeriodsBefore, review.Movement.PeriodsAfter));
        Assert.Contains("up 15.0 percentage points", review.Movement.Text, StringComparison.Ordinal);
        Assert.Contains("beyond the 5 percentage point rule", review.Movement.Text, StringComparison.Ordinal);

        var entered = Assert.Single(register, a => a.Id == audit.Id);
        Assert.Equal(MovementVerdict.TooEarly, entered.Movement.Verdict);
        Assert.StartsWith("Too early to tell: 1 month of figures since it was completed on 15 February 2025", entered.Movement.Text, StringComparison.Ordinal);

        var narrative = Assert.Single(register, a => a.Id.StartsWith("narrative-", StringComparison.Ordinal));
        Assert.Equal(("Ask children what would help them feel safer.", RegisterActionStatus.InProgress, true), (narrative.Description, narrative.Status, narrative.ReadOnly));
        Assert.Equal(MovementVerdict.TooEarly, narrative.Movement.Verdict);

        var changed = await Assert.ThrowsAsync<RpcException>(() => _host.Actions.UpdateAsync(review));
        Assert.Equal(StatusCode.FailedPrecondition, changed.StatusCode);
    }

    [Fact]
    public async Task Reports_carry_the_register_the_quarterly_with_whether_each_moved_and_the_book_per_content_area()
    {
        await PublishReviewActionAsync("in-progress", completedOn: "", at: new DateTime(2024, 7, 1, 9, 0, 0, DateTimeKind.Utc));
        await PublishReviewActionAsync("completed", completedOn: "2024-12-31", at: new DateTime(2025, 1, 5, 9, 0, 0, DateTimeKind.Utc));
        await _host.Actions.CreateAsync(AuditAction(), asOrganisation: Agency);

        var drafted = await _host.Client.GenerateQuarterlyAsync(_partnership.Code, "2025-01/P3M");
        var quarterly = (Reporting.Documents.QuarterlyReport)await DocumentAsync(drafted.Id);
        var register = quarterly.ActionsRegister!;
        Assert.Equal(3, register.Actions.Count);
        var review = Assert.Single(register.Actions, a => a.Source == "Case review");
        Assert.Equal(("Northbridge Police", FictionalPartnership.PlansClearTitle), (review.OwnerOrganisation, review.MeasureTitle));
        Assert.StartsWith("Moved in the better direction.", review.Movement, StringComparison.Ordinal);
        Assert.Contains(register.ByOrganisation, o => o.Organisation == FictionalPartnership.Name && o.Open == 1);

        var html = (await _host.Client.HtmlAsync(drafted.Id)).Content.ToStringUtf8();
        Assert.Contains("4.5 Actions: what we are doing and whether it moved the measures", html, StringComparison.Ordinal);
        Assert.Contains("Evidence of impact: Early feedback from children is better.", html, StringComparison.Ordinal);

        var book = (Reporting.Documents.ReportBook)await DocumentAsync((await _host.Client.GenerateBookAsync(_partnership.Code, "2024-04/P12M")).Id);
        var neglect = book.Sheets.Single(s => s.ContentAreaId == "neglect");
        Assert.Equal(["Audit finding", "Case review", "Other"], neglect.Actions.Select(a => a.Source!).Order(StringComparer.Ordinal));
        Assert.Empty(book.Sheets.Single(s => s.ContentAreaId == "workforce").Actions);
    }

    [Fact]
    public async Task An_organisation_writes_its_own_actions_and_its_partnership_sees_them()
    {
        var action = await _host.Actions.CreateAsync(AuditAction(), asOrganisation: Agency);

        Assert.Equal(action.Id, (await _host.Actions.GetAsync(action.Id, asOrganisation: _partnership.Code)).Id);
        Assert.Contains(await _host.Actions.ListAsync(_partnership.Code, asOrganisation: _partnership.Code), a => a.Id == action.Id);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => _host.Actions.GetAsync(action.Id, asOrganisation: _partnership.Neighbour))).StatusCode);

        var byPartnership = action.Clone();
        byPartnership.Description = "Changed by the partnership.";
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => _host.Actions.UpdateAsync(byPartnership, asOrganisation: _partnership.Code))).StatusCode);

        var elsewhere = AuditAction();
        elsewhere.PartnershipCode = _partnership.Neighbour;
        var refused = await Assert.ThrowsAsync<RpcException>(() => _host.Actions.CreateAsync(elsewhere, asOrganisation: Agency));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Contains("action.partnership_code", refused.Status.Detail, StringComparison.Ordinal);

        var updated = action.Clone();
        updated.Status = RegisterActionStatus.InProgress;
        updated.CompletedOn = "";
        updated.EvidenceOfImpact = "";
        Assert.Equal(RegisterActionStatus.InProgress, (await _host.Actions.UpdateAsync(updated, asOrganisation: Agency)).Status);
    }

    [Fact]
    public async Task Bad_actions_are_refused_naming_the_field_and_nothing_is_stored()
    {
        var action = AuditAction();
        action.CompletedOn = "";
        action.EvidenceOfCompletion = "";
        action.EvidenceOfImpact = "Ring 07700 900123 for details.";

        var refused = await Assert.ThrowsAsync<RpcException>(() => _host.Actions.CreateAsync(action));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var fields = Violations(refused);
        Assert.Contains("action.completed_on", fields);
        Assert.Contains("action.evidence_of_completion", fields);
        Assert.Contains("action.evidence_of_impact", fields);
        Assert.Equal(0, await _host.QueryAsync(db => db.RegisterActions.CountAsync(a => a.OrganisationCode == Agency)));
    }

    [Fact]
    public async Task A_recommendation_becomes_an_action_linked_to_it_and_overdue_actions_are_counted_by_organisation()
    {
        var recommendation = await _host.Client.CreateAsync(new NarrativeEntry
        {
            OrganisationCode = _partnership.Code, PeriodCode = "2025-01/P3M", ContentAreaId = "workforce",
            Recommendation = new Recommendation { Text = "Refresh supervision training.", AddressedTo = "Workforce sub-group" },
        });

        var action = await _host.Actions.FromRecommendationAsync(recommendation.Id, new RegisterAction
        {
            Description = "Run supervision refresher sessions.", AgreedOn = "2025-02-01", DueOn = "2025-06-30",
            Status = RegisterActionStatus.NotStarted, MeasureId = _partnership.Supervision,
        });

        Assert.Equal((_partnership.Code, RegisterActionSource.ReportRecommendation, recommendation.Id, "workforce"), (action.OrganisationCode, action.Source, action.SourceReference, action.ContentAreaId));
        Assert.True(action.Overdue);
        await _host.Actions.CreateAsync(AuditAction(), asOrganisation: Agency);
        var overdue = await _host.Actions.OverdueAsync(_partnership.Code);
        var own = Assert.Single(overdue, o => o.OrganisationCode == _partnership.Code);
        Assert.Equal((2, 2), (own.Open, own.Overdue)); // the narrative action (due September 2025) and this one
        Assert.DoesNotContain(overdue, o => o.OrganisationCode == Agency); // its only action is completed
        Assert.All(await _host.Actions.ListAsync(_partnership.Code, overdueOnly: true), a => Assert.True(a.Overdue));
    }

    private RegisterAction AuditAction() => new()
    {
        OrganisationCode = Agency, PartnershipCode = _partnership.Code, Source = RegisterActionSource.AuditFinding, SourceReference = "neglect-audit-2024",
        Description = "Ask children at every visit whether they feel safer.", AgreedOn = "2024-10-01", DueOn = "2025-03-31",
        Status = RegisterActionStatus.Completed, CompletedOn = "2025-02-15", EvidenceOfCompletion = "Visit template changed.",
        EvidenceOfImpact = "Early feedback from children is better.", MeasureId = _partnership.FeelSafer, ContentAreaId = "neglect",
    };

    private async Task PublishReviewActionAsync(string status, string completedOn, DateTime at)
    {
        var before = await _host.QueryAsync(db => db.ReceivedEvents.CountAsync());
        await _host.PublishAsync(ReportingTopics.ActionUpdated, new ActionUpdated
        {
            ReviewId = "rev-" + _partnership.Code, ActionId = "act-1", OwnerCode = _partnership.Code, OwnerOrganisationCode = Agency,
            Status = status, DueOn = "2025-01-31", CompletedOn = completedOn, LinkedMeasureId = _partnership.PlansClear,
            UpdatedAt = Timestamp.FromDateTime(at),
        }, _partnership.Code);
        await _host.WaitForReceivedAsync(before + 1);
    }

    private Task<Reporting.Documents.ReportDocument> DocumentAsync(string id) => _host.StoredDocumentAsync<Reporting.Documents.ReportDocument>(id);

    private static List<string> Violations(RpcException e) =>
        [.. e.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Field)];
}

public sealed class SqliteActionsRegisterTests : ActionsRegisterTests
{
    private readonly TestDatabase _database = TestDatabase.Sqlite();

    protected override TestDatabase Database => _database;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}

[Trait("Category", "Integration")]
public sealed class PostgresActionsRegisterTests(PostgresClassDatabase postgres) : ActionsRegisterTests, IClassFixture<PostgresClassDatabase>
{
    protected override TestDatabase Database => postgres.Database;
}
