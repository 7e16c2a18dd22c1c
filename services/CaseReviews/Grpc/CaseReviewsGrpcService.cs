using Grpc.Core;
using Safeguarding.CaseReviews.Application;
using Safeguarding.CaseReviews.Domain;
using Safeguarding.CaseReviews.Domain.Themes;
using Safeguarding.CaseReviews.V1;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.CaseReviews.Grpc;

/// <summary>
/// safeguarding.casereviews.v1.CaseReviewsService: takes the verified caller and target organisation, hands the
/// request to the commands or queries and maps the result; CaseReviewsErrors (through the platform interceptor)
/// turns refusals into statuses.
/// </summary>
public sealed class CaseReviewsGrpcService(
    ReviewCommands commands,
    ReviewQueries queries,
    ReviewMapping mapping,
    ThemeTaxonomy themes,
    TimeProvider time) : CaseReviewsService.CaseReviewsServiceBase
{
    public override async Task<V1.CaseReview> NotifyIncident(NotifyIncidentRequest request, ServerCallContext context)
    {
        TargetOrganisation.From(context).Require("incident_authority_code", request.IncidentAuthorityCode);
        return Map(await commands.NotifyAsync(request, Actor(context), context.CancellationToken));
    }

    public override async Task<V1.CaseReview> OpenLocalReview(OpenLocalReviewRequest request, ServerCallContext context)
    {
        TargetOrganisation.From(context).Require("owner_code", request.OwnerCode);
        return Map(await commands.OpenLocalAsync(request, Actor(context), context.CancellationToken));
    }

    public override async Task<V1.CaseReview> GetCaseReview(GetCaseReviewRequest request, ServerCallContext context) =>
        Map(await queries.GetAsync(request.ReviewId, TargetOrganisation.From(context), Reader(context), context.CancellationToken));

    public override async Task<ListCaseReviewsResponse> ListCaseReviews(ListCaseReviewsRequest request, ServerCallContext context)
    {
        var reviews = await queries.ListAsync(TargetOrganisation.From(context), request.Stage, "list", Reader(context), context.CancellationToken);
        var today = Today;
        return new ListCaseReviewsResponse { Reviews = { reviews.Select(r => mapping.ToProto(r, today)) } };
    }

    public override async Task<V1.CaseReview> AddAgencySummary(AddAgencySummaryRequest request, ServerCallContext context) =>
        Map(await commands.AddAgencySummaryAsync(request, TargetOrganisation.From(context), Actor(context), context.CancellationToken));

    public override async Task<V1.CaseReview> MeetMilestone(MeetMilestoneRequest request, ServerCallContext context) =>
        Map(await commands.MeetMilestoneAsync(request, TargetOrganisation.From(context), Actor(context), context.CancellationToken));

    public override async Task<V1.CaseReview> PauseClock(PauseClockRequest request, ServerCallContext context) =>
        Map(await commands.PauseClockAsync(request, TargetOrganisation.From(context), Actor(context), context.CancellationToken));

    public override async Task<V1.CaseReview> ResumeClock(ResumeClockRequest request, ServerCallContext context) =>
        Map(await commands.ResumeClockAsync(request, TargetOrganisation.From(context), Actor(context), context.CancellationToken));

    public override async Task<V1.CaseReview> RecordDecision(RecordDecisionRequest request, ServerCallContext context) =>
        Map(await commands.RecordDecisionAsync(request, TargetOrganisation.From(context), Actor(context), context.CancellationToken));

    public override async Task<V1.CaseReview> InitiatePracticeReview(InitiatePracticeReviewRequest request, ServerCallContext context) =>
        Map(await commands.InitiatePracticeReviewAsync(request, TargetOrganisation.From(context), Actor(context), context.CancellationToken));

    public override async Task<V1.CaseReview> RecordPublication(RecordPublicationRequest request, ServerCallContext context) =>
        Map(await commands.RecordPublicationAsync(request, TargetOrganisation.From(context), Actor(context), context.CancellationToken));

    public override async Task<V1.CaseReview> AddFinding(AddFindingRequest request, ServerCallContext context) =>
        Map(await commands.AddFindingAsync(request, TargetOrganisation.From(context), Actor(context), context.CancellationToken));

    public override async Task<V1.CaseReview> AddRecommendation(AddRecommendationRequest request, ServerCallContext context) =>
        Map(await commands.AddRecommendationAsync(request, TargetOrganisation.From(context), Actor(context), context.CancellationToken));

    public override async Task<V1.CaseReview> AddAction(AddActionRequest request, ServerCallContext context) =>
        Map(await commands.AddActionAsync(request, TargetOrganisation.From(context), Actor(context), context.CancellationToken));

    public override async Task<V1.CaseReview> UpdateAction(UpdateActionRequest request, ServerCallContext context) =>
        Map(await commands.UpdateActionAsync(request, TargetOrganisation.From(context), Actor(context), context.CancellationToken));

    public override Task<ListThemesResponse> ListThemes(ListThemesRequest request, ServerCallContext context) =>
        Task.FromResult(new ListThemesResponse
        {
            Themes = { themes.All.OrderBy(t => t.ThemeId, StringComparer.Ordinal).Select(t => new V1.Theme { ThemeId = t.ThemeId, Title = t.Title, Description = t.Description, Source = t.Source }) },
        });

    public override async Task<GetThemeRecurrenceResponse> GetThemeRecurrence(GetThemeRecurrenceRequest request, ServerCallContext context)
    {
        var reviews = await queries.ListAsync(TargetOrganisation.From(context), ReviewStage.Unspecified, "theme-recurrence", Reader(context), context.CancellationToken, ownedOnly: true);
        return new GetThemeRecurrenceResponse
        {
            ReviewsWithFindings = reviews.Count(r => r.Findings.Count > 0),
            Themes = { queries.Recurrence(reviews) },
        };
    }

    public override async Task<Dashboard> GetDashboard(GetDashboardRequest request, ServerCallContext context)
    {
        var asOf = string.IsNullOrWhiteSpace(request.AsOf) ? Today : Text.Date("as_of", request.AsOf);
        var target = TargetOrganisation.From(context);
        var reviews = await queries.ListAsync(target, ReviewStage.Unspecified, "dashboard", Reader(context), context.CancellationToken, ownedOnly: true);
        return DashboardBuilder.Build(target.Code, asOf, reviews, mapping, queries);
    }

    public override async Task<ExportRecordsResponse> ExportRecords(ExportRecordsRequest request, ServerCallContext context)
    {
        var reviews = await queries.ListAsync(TargetOrganisation.From(context), ReviewStage.Unspecified, "export", Reader(context), context.CancellationToken, ownedOnly: true);
        var today = Today;
        return new ExportRecordsResponse { Reviews = { reviews.Select(r => mapping.ToProto(r, today)) } };
    }

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private V1.CaseReview Map(Domain.Reviews.CaseReview review) => mapping.ToProto(review, Today);

    private Actor Actor(ServerCallContext context)
    {
        var caller = context.GetCaller();
        if (string.IsNullOrWhiteSpace(caller.UserId))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "A write needs a user id the service can record; the token's subject is not one."));
        }

        return new Actor(caller.UserId, time.GetUtcNow());
    }

    private Reader Reader(ServerCallContext context)
    {
        var caller = context.GetCaller();
        return new Reader(caller.UserId, caller.OrganisationCode, time.GetUtcNow());
    }
}
