using Microsoft.EntityFrameworkCore;
using Safeguarding.CaseReviews.Domain;
using Safeguarding.CaseReviews.Domain.Clocks;
using Safeguarding.CaseReviews.Domain.Reviews;
using Safeguarding.CaseReviews.Domain.Themes;
using Safeguarding.CaseReviews.Events;
using Safeguarding.CaseReviews.Persistence;
using Safeguarding.CaseReviews.V1;
using CaseReview = Safeguarding.CaseReviews.Domain.Reviews.CaseReview;
using Clock = Safeguarding.CaseReviews.Domain.Clocks.Clock;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.CaseReviews.Application;

/// <summary>
/// Every change to a review: checks the whole request first (INVALID_ARGUMENT / FAILED_PRECONDITION naming the
/// field), then changes the document, adds its events to the outbox and saves once — one transaction, so a refused
/// or failed command leaves nothing behind. Only the owning partnership writes; anyone else sees NOT_FOUND.
/// </summary>
public sealed class ReviewCommands(
    CaseReviewsDbContext db,
    ClockRuleBook rules,
    Partnerships partnerships,
    ThemeTaxonomy themes,
    ReviewEvents events)
{
    private static readonly HashSet<string> ParallelProcessKinds = ["criminal-proceedings", "coroner-inquest", "domestic-homicide-review", "safeguarding-adults-review", "other"];

    public async Task<CaseReview> NotifyAsync(NotifyIncidentRequest r, Actor actor, CancellationToken ct)
    {
        var owner = Text.OrganisationCode("incident_authority_code", r.IncidentAuthorityCode);
        var residence = Text.OrganisationCode("residence_authority_code", r.ResidenceAuthorityCode, required: false);
        var child = Text.ChildReference("child_reference", r.ChildReference, required: true)!;
        Required("age_band", r.AgeBand == AgeBand.Unspecified);
        Required("harm_type", r.HarmType == HarmType.Unspecified);
        if (r.AbuseCategories.Any(c => c == AbuseCategory.Unspecified))
        {
            throw new InvalidFieldException("abuse_categories", "must not contain ABUSE_CATEGORY_UNSPECIFIED");
        }

        var aware = Text.Date("became_aware_on", r.BecameAwareOn);
        var notified = Text.Date("notified_on", r.NotifiedOn);
        if (notified < aware)
        {
            throw new InvalidFieldException("notified_on", "is before became_aware_on");
        }

        var title = Text.Free("title", r.Title, 200, required: false) ?? $"Rapid review: {child}";
        var notification = Clock.Start(ClockNames.PanelNotification, aware, rules, actor, "became_aware_on");
        notification.Meet(notified, actor, "notified_on");
        var rapid = Clock.Start(ClockNames.RapidReview, notified, rules, actor, "notified_on");

        var review = new CaseReview
        {
            ReviewId = NewId(),
            OwnerCode = owner,
            ResidenceAuthorityCode = residence.Length == 0 || string.Equals(residence, owner, StringComparison.OrdinalIgnoreCase) ? null : residence,
            Kind = ReviewKind.SeriousIncident,
            Stage = ReviewStage.RapidReview,
            Title = title,
            ChildReference = child,
            AgeBand = r.AgeBand,
            HarmType = r.HarmType,
            AbuseCategories = [.. r.AbuseCategories.Distinct()],
            InCare = r.InCare,
            BecameAwareOn = aware,
            NotifiedOn = notified,
            OpenedOn = notified,
            Clocks = [ClockEntry.From(notification), ClockEntry.From(rapid)],
        };
        return await CreateAsync(review, actor, ct);
    }

    public async Task<CaseReview> OpenLocalAsync(OpenLocalReviewRequest r, Actor actor, CancellationToken ct)
    {
        var owner = Text.OrganisationCode("owner_code", r.OwnerCode);
        if (r.Kind is not (ReviewKind.LocalLearningReview or ReviewKind.NearMiss or ReviewKind.GoodPractice))
        {
            throw new InvalidFieldException("kind", "must be a local learning review, near miss or good-practice story (serious incidents start with NotifyIncident)");
        }

        var review = new CaseReview
        {
            ReviewId = NewId(),
            OwnerCode = owner,
            Kind = r.Kind,
            Stage = ReviewStage.InProgress,
            Title = Text.Free("title", r.Title, 200, required: true)!,
            ChildReference = Text.ChildReference("child_reference", r.ChildReference, required: false),
            OpenedOn = NotInFuture("opened_on", Text.Date("opened_on", r.OpenedOn), actor),
        };
        return await CreateAsync(review, actor, ct);
    }

    public Task<CaseReview> AddAgencySummaryAsync(AddAgencySummaryRequest r, TargetOrganisation target, Actor actor, CancellationToken ct) =>
        ChangeAsync(r.ReviewId, target, actor, review =>
        {
            if (r.Summary is null)
            {
                throw new InvalidFieldException("summary", "is required");
            }

            var organisation = Text.OrganisationCode("summary.organisation_code", r.Summary.OrganisationCode);
            InsidePartnership("summary.organisation_code", review, organisation);
            var on = NotInFuture("summary.submitted_on", Text.Date("summary.submitted_on", r.Summary.SubmittedOn), actor);
            var text = Text.Free("summary.summary", r.Summary.Summary, 4000, required: true)!;
            if (review.Kind != ReviewKind.SeriousIncident || review.Stage != ReviewStage.RapidReview)
            {
                throw new StateConflictException("review_id", "agency summaries are added while a serious incident's rapid review is open");
            }

            if (on < review.NotifiedOn)
            {
                throw new InvalidFieldException("summary.submitted_on", "is before the incident was notified");
            }

            if (review.AgencySummaries.Any(s => string.Equals(s.OrganisationCode, organisation, StringComparison.OrdinalIgnoreCase)))
            {
                throw new StateConflictException("summary.organisation_code", "this organisation's summary is already in");
            }

            review.AgencySummaries.Add(new AgencySummaryEntry(organisation, on, text));
            return on;
        }, ct);

    public Task<CaseReview> MeetMilestoneAsync(MeetMilestoneRequest r, TargetOrganisation target, Actor actor, CancellationToken ct) =>
        ChangeAsync(r.ReviewId, target, actor, review =>
        {
            var on = Text.Date("on", r.On);
            review.ChangeClock(r.Clock, clock => clock.MeetMilestone(r.Milestone, on, RuleOf(clock), actor));
            return on;
        }, ct);

    public Task<CaseReview> PauseClockAsync(PauseClockRequest r, TargetOrganisation target, Actor actor, CancellationToken ct) =>
        ChangeAsync(r.ReviewId, target, actor, review =>
        {
            var from = Text.Date("from", r.From);
            var note = Text.Free("note", r.Note, 1000, required: false);
            review.ChangeClock(r.Clock, clock => clock.Pause(from, r.Reason, note, actor));
            return from;
        }, ct);

    public Task<CaseReview> ResumeClockAsync(ResumeClockRequest r, TargetOrganisation target, Actor actor, CancellationToken ct) =>
        ChangeAsync(r.ReviewId, target, actor, review =>
        {
            var on = Text.Date("on", r.On);
            review.ChangeClock(r.Clock, clock => clock.Resume(on, actor));
            return on;
        }, ct);

    public Task<CaseReview> RecordDecisionAsync(RecordDecisionRequest r, TargetOrganisation target, Actor actor, CancellationToken ct) =>
        ChangeAsync(r.ReviewId, target, actor, review =>
        {
            Required("decision", r.Decision == Decision.Unspecified);
            var on = Text.Date("decided_on", r.DecidedOn);
            var reasons = Text.Free("reasons", r.Reasons, 4000, required: true)!;
            if (review.Kind != ReviewKind.SeriousIncident)
            {
                throw new StateConflictException("decision", "only a serious incident's rapid review ends in a decision");
            }

            if (review.Decision is not null)
            {
                throw new StateConflictException("decision", $"was already recorded on {review.Decision.DecidedOn.Iso()}");
            }

            if (review.AgencySummaries.Count == 0)
            {
                throw new StateConflictException("agency_summaries", "a decision needs the rapid review's agency summaries first");
            }

            if (on < review.NotifiedOn || review.AgencySummaries.Any(s => on < s.SubmittedOn))
            {
                throw new InvalidFieldException("decided_on", "is before the notification or an agency summary");
            }

            review.ChangeClock(ClockNames.RapidReview, clock => clock.Meet(on, actor, "decided_on"));
            review.Decision = new DecisionEntry(r.Decision, on, reasons);
            review.Stage = r.Decision switch
            {
                Decision.LocalPracticeReview => ReviewStage.AwaitingPracticeReview,
                Decision.NationalReview => ReviewStage.ReferredNational,
                _ => ReviewStage.Closed,
            };
            return on;
        }, ct);

    public Task<CaseReview> InitiatePracticeReviewAsync(InitiatePracticeReviewRequest r, TargetOrganisation target, Actor actor, CancellationToken ct) =>
        ChangeAsync(r.ReviewId, target, actor, review =>
        {
            var p = r.PracticeReview ?? throw new InvalidFieldException("practice_review", "is required");
            var on = Text.Date("practice_review.initiated_on", p.InitiatedOn);
            var method = Text.Free("practice_review.method", p.Method, 200, required: true)!;
            var terms = Text.Free("practice_review.terms_of_reference", p.TermsOfReference, 8000, required: true)!;
            if (p.Reviewers.Count == 0)
            {
                throw new InvalidFieldException("practice_review.reviewers", "at least one reviewer (by role) is required");
            }

            var reviewers = p.Reviewers.Select((x, i) => new ReviewerEntry(
                Text.Free($"practice_review.reviewers[{i}].role", x.Role, 200, required: true)!,
                Text.OrganisationCode($"practice_review.reviewers[{i}].organisation_code", x.OrganisationCode, required: false),
                x.Independent)).ToList();
            var processes = p.ParallelProcesses.Select((x, i) => ParallelProcessKinds.Contains(x.Kind)
                ? new ParallelProcessEntry(x.Kind, Text.Free($"practice_review.parallel_processes[{i}].note", x.Note, 1000, required: false))
                : throw new InvalidFieldException($"practice_review.parallel_processes[{i}].kind", $"must be one of {string.Join(", ", ParallelProcessKinds)}")).ToList();

            if (review.Decision is null)
            {
                throw new StateConflictException("decision", "a practice review follows the rapid review's decision");
            }

            if (review.Decision.Decision != Decision.LocalPracticeReview)
            {
                throw new StateConflictException("decision", "the decision was not a local child safeguarding practice review");
            }

            if (review.PracticeReview is not null)
            {
                throw new StateConflictException("practice_review", "was already initiated");
            }

            if (on < review.Decision.DecidedOn)
            {
                throw new InvalidFieldException("practice_review.initiated_on", "is before the decision");
            }

            review.Clocks.Add(ClockEntry.From(Clock.Start(ClockNames.PracticeReviewPublication, on, rules, actor, "practice_review.initiated_on")));
            review.PracticeReview = new PracticeReviewEntry(on, method, reviewers, terms, processes);
            review.Stage = ReviewStage.PracticeReview;
            return on;
        }, ct);

    public Task<CaseReview> RecordPublicationAsync(RecordPublicationRequest r, TargetOrganisation target, Actor actor, CancellationToken ct) =>
        ChangeAsync(r.ReviewId, target, actor, review =>
        {
            var p = r.Publication ?? throw new InvalidFieldException("publication", "is required");
            var on = Text.Date("publication.published_on", p.PublishedOn);
            var told = Text.OptionalDate("publication.panel_told_on", p.PanelToldOn);
            if (review.Publication is not null)
            {
                throw new StateConflictException("publication", $"was already recorded on {review.Publication.PublishedOn.Iso()}");
            }

            if (review.Kind == ReviewKind.SeriousIncident)
            {
                if (review.Decision is null)
                {
                    throw new StateConflictException("decision", "a review is published after the rapid review's decision");
                }

                if (review.Decision.Decision != Decision.LocalPracticeReview || review.PracticeReview is null)
                {
                    throw new StateConflictException("practice_review", "only an initiated local child safeguarding practice review is published here");
                }

                if (told is null)
                {
                    throw new InvalidFieldException("publication.panel_told_on", "is required: the Panel is sent the report before publication");
                }

                if (on < review.PracticeReview.InitiatedOn)
                {
                    throw new InvalidFieldException("publication.published_on", "is before the practice review was initiated");
                }

                if (told > on || told < review.PracticeReview.InitiatedOn)
                {
                    throw new InvalidFieldException("publication.panel_told_on", "must fall between initiation and publication");
                }

                review.ChangeClock(ClockNames.PracticeReviewPublication, clock =>
                {
                    clock.MeetMilestone("panel-told-before-publication", told.Value, RuleOf(clock), actor, "publication.panel_told_on");
                    clock.Meet(on, actor, "publication.published_on");
                });
            }
            else if (on < review.OpenedOn)
            {
                throw new InvalidFieldException("publication.published_on", "is before the review was opened");
            }

            NotInFuture("publication.published_on", on, actor);
            review.Publication = new PublicationEntry(on, told);
            review.Stage = ReviewStage.Published;
            return on;
        }, ct);

    public Task<CaseReview> AddFindingAsync(AddFindingRequest r, TargetOrganisation target, Actor actor, CancellationToken ct) =>
        ChangeAsync(r.ReviewId, target, actor, review =>
        {
            var text = Text.Free("text", r.Text, 4000, required: true)!;
            var areas = r.ContentAreaIds.Select((id, i) => Text.Id($"content_area_ids[{i}]", id)).Distinct().ToList();
            var tagged = r.ThemeIds.Select((id, i) => themes.Find(id) is not null ? id
                : throw new InvalidFieldException($"theme_ids[{i}]", "is not a theme of the taxonomy (ListThemes)")).Distinct().ToList();
            if (areas.Count == 0 && tagged.Count == 0)
            {
                throw new InvalidFieldException("theme_ids", "tag the finding with at least one theme or content area");
            }

            review.Findings.Add(new FindingEntry(CaseReview.NextId("f", review.Findings.Select(f => f.FindingId)), text, areas, tagged));
            return actor.Today;
        }, ct);

    public Task<CaseReview> AddRecommendationAsync(AddRecommendationRequest r, TargetOrganisation target, Actor actor, CancellationToken ct) =>
        ChangeAsync(r.ReviewId, target, actor, review =>
        {
            var text = Text.Free("text", r.Text, 4000, required: true)!;
            var findings = r.FindingIds.Select((id, i) => review.Findings.Any(f => f.FindingId == id) ? id
                : throw new InvalidFieldException($"finding_ids[{i}]", "is not a finding of this review")).Distinct().ToList();
            review.Recommendations.Add(new RecommendationEntry(CaseReview.NextId("r", review.Recommendations.Select(x => x.RecommendationId)), text, findings));
            return actor.Today;
        }, ct);

    public Task<CaseReview> AddActionAsync(AddActionRequest r, TargetOrganisation target, Actor actor, CancellationToken ct) =>
        ChangeAsync(r.ReviewId, target, actor, review =>
        {
            if (!review.Recommendations.Any(x => x.RecommendationId == r.RecommendationId))
            {
                throw new InvalidFieldException("recommendation_id", "is not a recommendation of this review");
            }

            var owner = Text.OrganisationCode("owner_organisation_code", r.OwnerOrganisationCode);
            InsidePartnership("owner_organisation_code", review, owner);
            var description = Text.Free("description", r.Description, 2000, required: true)!;
            var due = Text.Date("due_on", r.DueOn);
            var reaudit = Text.OptionalDate("reaudit_on", r.ReauditOn);
            var measure = string.IsNullOrWhiteSpace(r.LinkedMeasureId) ? null : Text.Id("linked_measure_id", r.LinkedMeasureId);
            if (due < review.OpenedOn)
            {
                throw new InvalidFieldException("due_on", "is before the review was opened");
            }

            if (reaudit < due)
            {
                throw new InvalidFieldException("reaudit_on", "is before the action is due");
            }

            var action = new ActionEntry(CaseReview.NextId("a", review.Actions.Select(a => a.ActionId)), r.RecommendationId, owner, description, due,
                ActionStatus.NotStarted, null, null, measure, reaudit, actor.At);
            review.Actions.Add(action);
            events.ActionUpdated(db, review, action, actor.Today);
            return actor.Today;
        }, ct);

    public Task<CaseReview> UpdateActionAsync(UpdateActionRequest r, TargetOrganisation target, Actor actor, CancellationToken ct) =>
        ChangeAsync(r.ReviewId, target, actor, review =>
        {
            var index = review.Actions.FindIndex(a => a.ActionId == r.ActionId);
            if (index < 0)
            {
                throw new InvalidFieldException("action_id", "is not an action of this review");
            }

            var action = review.Actions[index];
            var status = r.Status == ActionStatus.Unspecified ? action.Status : r.Status;
            var evidence = Text.Free("evidence", r.Evidence, 4000, required: false) ?? action.Evidence;
            var completed = Text.OptionalDate("completed_on", r.CompletedOn) ?? action.CompletedOn;
            var reaudit = Text.OptionalDate("reaudit_on", r.ReauditOn) ?? action.ReauditOn;
            if (status is ActionStatus.Completed or ActionStatus.Evidenced)
            {
                if (completed is null)
                {
                    throw new InvalidFieldException("completed_on", "is required for a completed action");
                }

                if (evidence is null)
                {
                    throw new InvalidFieldException("evidence", "a completed action needs its evidence of completion");
                }

                NotInFuture("completed_on", completed.Value, actor);
                if (completed < review.OpenedOn)
                {
                    throw new InvalidFieldException("completed_on", "is before the review was opened");
                }
            }
            else if (!string.IsNullOrWhiteSpace(r.CompletedOn))
            {
                throw new InvalidFieldException("completed_on", "is only set when the action is completed");
            }
            else
            {
                completed = null;
            }

            if (reaudit < action.DueOn)
            {
                throw new InvalidFieldException("reaudit_on", "is before the action is due");
            }

            var updated = action with { Status = status, Evidence = evidence, CompletedOn = completed, ReauditOn = reaudit, UpdatedAt = actor.At };
            review.Actions[index] = updated;
            events.ActionUpdated(db, review, updated, actor.Today);
            return actor.Today;
        }, ct);

    private async Task<CaseReview> CreateAsync(CaseReview review, Actor actor, CancellationToken ct)
    {
        var row = new ReviewRow { CreatedAt = actor.At };
        ReviewDocuments.Write(row, review, actor.At);
        db.Reviews.Add(row);
        events.StatusChanged(db, review, ReviewStage.Unspecified, review.OpenedOn, actor.At);
        await db.SaveChangesAsync(ct);
        return review;
    }

    // Loads the owner's review, applies the change (which validates before it touches anything and returns the day it
    // happened), then writes the document, a status event when the stage moved, and saves once.
    private async Task<CaseReview> ChangeAsync(string reviewId, TargetOrganisation target, Actor actor, Func<CaseReview, DateOnly> change, CancellationToken ct)
    {
        var row = await db.Reviews.FirstOrDefaultAsync(r => r.ReviewId == reviewId, ct);
        if (row is null || !target.Is(row.OwnerCode))
        {
            throw new ReviewNotFoundException(reviewId);
        }

        var review = ReviewDocuments.Read(row);
        var before = review.Stage;
        var on = change(review);
        ReviewDocuments.Write(row, review, actor.At);
        if (review.Stage != before)
        {
            events.StatusChanged(db, review, before, on, actor.At);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StateConflictException("review_id", "the review was changed by someone else meanwhile; read it again and retry");
        }

        return review;
    }

    private ClockRule RuleOf(Clock clock) => rules.ById(clock.RuleSetId, clock.StartedOn).Find(clock.Name)!;

    private void InsidePartnership(string field, CaseReview review, string organisation)
    {
        if (!partnerships.IsInside(review.OwnerCode, organisation))
        {
            throw new InvalidFieldException(field, "is not an organisation of this review's partnership");
        }
    }

    private static void Required(string field, bool missing)
    {
        if (missing)
        {
            throw new InvalidFieldException(field, "is required");
        }
    }

    private static DateOnly NotInFuture(string field, DateOnly on, Actor actor) =>
        on > actor.Today ? throw new InvalidFieldException(field, "is in the future") : on;

    private static string NewId() => "cr-" + Guid.NewGuid().ToString("N")[..12];
}
