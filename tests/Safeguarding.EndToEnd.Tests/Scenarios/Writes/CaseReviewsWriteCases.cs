using Grpc.Core;
using Safeguarding.CaseReviews.V1;

namespace Safeguarding.EndToEnd.Tests.Scenarios.Writes;

/// <summary>
/// The case reviews service's write RPCs, each tried on the owner's reviews: a serious incident at each step of its
/// rapid review and practice review (a cross-border one, which the partnership where the child lives reads), and a
/// local learning review with its findings, recommendations and actions.
/// The child is named only by a pseudonymous label, as the service requires.
/// </summary>
public static class CaseReviewsWriteCases
{
    public static IEnumerable<WriteCase> All(WriteCalls calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var service = CaseReviewsService.Descriptor.FullName + "/";
        CaseReviewsService.CaseReviewsServiceClient Reviews() => new(calls.Platform.Channel);

        // A cross-border incident: the other partnership, where the child lives, reads the review but may not change it.
        string Residence(string owner) =>
            calls.Platform.Topology.Partnerships.First(p => p.Code != owner && p.Agencies.All(a => a.Code != owner)).Code;
        Task<CaseReview> Notify(string owner, string title, CallOptions o) => Reviews().NotifyIncidentAsync(IncidentRequest(owner, Residence(owner), title), o).ResponseAsync;
        Task<CaseReview> Open(string owner, string title, CallOptions o) => Reviews().OpenLocalReviewAsync(new OpenLocalReviewRequest
        {
            OwnerCode = owner, Kind = ReviewKind.LocalLearningReview, Title = title, ChildReference = "Child Q", OpenedOn = "2026-03-02",
        }, o).ResponseAsync;
        Task<CaseReview> Summarise(string owner, string reviewId, CallOptions o) => Reviews().AddAgencySummaryAsync(new AddAgencySummaryRequest
        {
            ReviewId = reviewId, Summary = new AgencySummary { OrganisationCode = owner, SubmittedOn = "2026-03-11", Summary = "Contacts with the family over the year before the incident." },
        }, o).ResponseAsync;
        Task<CaseReview> Decide(string reviewId, CallOptions o) => Reviews().RecordDecisionAsync(new RecordDecisionRequest
        {
            ReviewId = reviewId, Decision = Decision.LocalPracticeReview, DecidedOn = "2026-03-25", Reasons = "Learning about information sharing a practice review should explore.",
        }, o).ResponseAsync;

        // The owner's serious incident, taken as far as the step the case needs.
        async Task<CaseReview> Incident(string owner, bool summarised = false, bool decided = false)
        {
            var review = await Notify(owner, "Rapid review of the sweep", WriteCalls.As(owner));
            if (summarised || decided)
            {
                review = await Summarise(owner, review.ReviewId, WriteCalls.As(owner));
            }

            return decided ? await Decide(review.ReviewId, WriteCalls.As(owner)) : review;
        }

        // The owner's local learning review, with a finding and a recommendation when the case needs them.
        async Task<(CaseReview Review, string? Recommendation)> Local(string owner, bool recommended = false)
        {
            var review = await Open(owner, "Learning from the sweep", WriteCalls.As(owner));
            if (!recommended)
            {
                return (review, null);
            }

            review = await Reviews().AddFindingAsync(Finding(review.ReviewId, "Plans were not shared with the school."), WriteCalls.As(owner));
            review = await Reviews().AddRecommendationAsync(Recommendation(review.ReviewId, "Share plans with schools."), WriteCalls.As(owner));
            return (review, review.Recommendations.Single().RecommendationId);
        }

        yield return new(service + "NotifyIncident", owner => Task.FromResult(new WriteProbe(
            [(_, o) => Notify(owner, "Notified by another organisation", o)], o => Notify(owner, "Notified by its owner", o))));
        yield return new(service + "OpenLocalReview", owner => Task.FromResult(new WriteProbe(
            [(_, o) => Open(owner, "Opened by another organisation", o)], o => Open(owner, "Opened by its owner", o))));
        yield return new(service + "AddAgencySummary", async owner =>
        {
            var theirs = await Incident(owner);
            return new([(acting, o) => Summarise(acting, theirs.ReviewId, o), (_, o) => Summarise(owner, theirs.ReviewId, o)], o => Summarise(owner, theirs.ReviewId, o));
        });
        yield return new(service + "MeetMilestone", async owner =>
        {
            var theirs = await Incident(owner);
            Task<CaseReview> Meet(CallOptions o) => Reviews().MeetMilestoneAsync(
                new MeetMilestoneRequest { ReviewId = theirs.ReviewId, Clock = "rapid-review", Milestone = "agency-summaries", On = "2026-03-11" }, o).ResponseAsync;
            return new([(_, o) => Meet(o)], Meet);
        });
        yield return new(service + "PauseClock", async owner =>
        {
            var theirs = await Incident(owner);
            Task<CaseReview> Pause(CallOptions o) => Reviews().PauseClockAsync(Paused(theirs.ReviewId), o).ResponseAsync;
            return new([(_, o) => Pause(o)], Pause);
        });
        yield return new(service + "ResumeClock", async owner =>
        {
            var theirs = await Incident(owner);
            await Reviews().PauseClockAsync(Paused(theirs.ReviewId), WriteCalls.As(owner));
            Task<CaseReview> Resume(CallOptions o) => Reviews().ResumeClockAsync(new ResumeClockRequest { ReviewId = theirs.ReviewId, Clock = "rapid-review", On = "2026-03-30" }, o).ResponseAsync;
            return new([(_, o) => Resume(o)], Resume);
        });
        yield return new(service + "RecordDecision", async owner =>
        {
            var theirs = await Incident(owner, summarised: true);
            return new([(_, o) => Decide(theirs.ReviewId, o)], o => Decide(theirs.ReviewId, o));
        });
        yield return new(service + "InitiatePracticeReview", async owner =>
        {
            var theirs = await Incident(owner, decided: true);
            Task<CaseReview> Initiate(CallOptions o) => Reviews().InitiatePracticeReviewAsync(new InitiatePracticeReviewRequest
            {
                ReviewId = theirs.ReviewId,
                PracticeReview = new PracticeReview
                {
                    InitiatedOn = "2026-04-15", Method = "Learning Together", TermsOfReference = "How agencies shared concerns.",
                    Reviewers = { new Reviewer { Role = "independent lead reviewer", Independent = true } },
                },
            }, o).ResponseAsync;
            return new([(_, o) => Initiate(o)], Initiate);
        });
        yield return new(service + "RecordPublication", async owner =>
        {
            var (theirs, _) = await Local(owner);
            Task<CaseReview> Publish(CallOptions o) => Reviews().RecordPublicationAsync(
                new RecordPublicationRequest { ReviewId = theirs.ReviewId, Publication = new Publication { PublishedOn = "2026-06-01" } }, o).ResponseAsync;
            return new([(_, o) => Publish(o)], Publish);
        });
        yield return new(service + "AddFinding", async owner =>
        {
            var (theirs, _) = await Local(owner);
            return new([(_, o) => Reviews().AddFindingAsync(Finding(theirs.ReviewId, "Found by another organisation."), o).ResponseAsync],
                o => Reviews().AddFindingAsync(Finding(theirs.ReviewId, "Found by its owner."), o).ResponseAsync);
        });
        yield return new(service + "AddRecommendation", async owner =>
        {
            var (theirs, _) = await Local(owner);
            return new([(_, o) => Reviews().AddRecommendationAsync(Recommendation(theirs.ReviewId, "Recommended by another organisation."), o).ResponseAsync],
                o => Reviews().AddRecommendationAsync(Recommendation(theirs.ReviewId, "Recommended by its owner."), o).ResponseAsync);
        });
        yield return new(service + "AddAction", async owner =>
        {
            var (theirs, recommendation) = await Local(owner, recommended: true);
            Task<CaseReview> Add(string organisation, string description, CallOptions o) => Reviews().AddActionAsync(new AddActionRequest
            {
                ReviewId = theirs.ReviewId, RecommendationId = recommendation, OwnerOrganisationCode = organisation, Description = description, DueOn = "2026-09-30",
            }, o).ResponseAsync;
            return new([(_, o) => Add(owner, "Planned by another organisation", o), (acting, o) => Add(acting, "Planned by another organisation", o)],
                o => Add(owner, "Planned by its owner", o));
        });
        yield return new(service + "UpdateAction", async owner =>
        {
            var (theirs, recommendation) = await Local(owner, recommended: true);
            var planned = await Reviews().AddActionAsync(new AddActionRequest
            {
                ReviewId = theirs.ReviewId, RecommendationId = recommendation, OwnerOrganisationCode = owner, Description = "Brief the schools' leads.", DueOn = "2026-09-30",
            }, WriteCalls.As(owner));
            Task<CaseReview> Update(CallOptions o) => Reviews().UpdateActionAsync(
                new UpdateActionRequest { ReviewId = theirs.ReviewId, ActionId = planned.Actions.Single().ActionId, Status = ActionStatus.InProgress }, o).ResponseAsync;
            return new([(_, o) => Update(o)], Update);
        });
    }

    private static NotifyIncidentRequest IncidentRequest(string owner, string residence, string title) => new()
    {
        IncidentAuthorityCode = owner, ResidenceAuthorityCode = residence, Title = title, ChildReference = "Child Q", AgeBand = AgeBand._1To4, HarmType = HarmType.SeriousHarm,
        AbuseCategories = { AbuseCategory.Neglect }, BecameAwareOn = "2026-03-02", NotifiedOn = "2026-03-05",
    };

    private static PauseClockRequest Paused(string reviewId) =>
        new() { ReviewId = reviewId, Clock = "rapid-review", From = "2026-03-16", Reason = "criminal-proceedings", Note = "Awaiting a charging decision." };

    private static AddFindingRequest Finding(string reviewId, string text) => new() { ReviewId = reviewId, Text = text, ContentAreaIds = { "cp-cin-planning" } };

    private static AddRecommendationRequest Recommendation(string reviewId, string text) => new() { ReviewId = reviewId, Text = text };
}
