using System.Globalization;
using Grpc.Core;
using Safeguarding.CaseReviews.V1;
using Safeguarding.Cli.Connect;

namespace Safeguarding.Cli.Demo;

/// <summary>What the case reviews part of the demo did.</summary>
internal sealed record DemoCaseReviewsSummary(int Reviews, int Actions, int OverdueActions);

/// <summary>
/// The case reviews part of the demo, through the gateway as the Northbridge partnership's review coordinator: a
/// serious incident ("Child N") whose rapid review became a local child safeguarding practice review, with findings
/// tagged by theme, recommendations and actions across the agencies (one of them overdue); and a second rapid review
/// ("Child P") still on its 15-working-day clock. Every date is relative to today, so the clocks mean something on
/// every run. Children are pseudonymous labels; no text names anyone.
/// </summary>
internal sealed class DemoCaseReviews(GatewayConnection gateway, IDemoProgress progress)
{
    private static readonly string[] Coordinator = ["review-coordinator"];
    private const string Partnership = DemoPartnership.PartnershipCode;

    private readonly CaseReviewsService.CaseReviewsServiceClient _reviews = new(gateway.Channel);

    public async Task<DemoCaseReviewsSummary> RunAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var actions = await PracticeReviewAsync(today, ct);
        progress.Advance(0.7);
        await RapidReviewOnItsClockAsync(today, ct);
        progress.Done($"2 case reviews: a practice review with {actions} actions across the agencies (1 overdue), and a rapid review on its clock");
        progress.Advance(1);
        return new DemoCaseReviewsSummary(2, actions, 1);
    }

    /// <summary>Child N: notified about five months ago, rapid review decided a practice review, which is under way.</summary>
    private async Task<int> PracticeReviewAsync(DateOnly today, CancellationToken ct)
    {
        var aware = WorkingDay(today.AddDays(-150));
        var notified = WorkingDay(aware.AddDays(2));
        var review = await _reviews.NotifyIncidentAsync(new NotifyIncidentRequest
        {
            IncidentAuthorityCode = Partnership,
            ChildReference = "Child N",
            AgeBand = AgeBand._1To4,
            HarmType = HarmType.SeriousHarm,
            AbuseCategories = { AbuseCategory.Neglect, AbuseCategory.Physical },
            BecameAwareOn = Iso(aware),
            NotifiedOn = Iso(notified),
            Title = "Child N: serious harm, neglect",
        }, Options(ct));
        var id = review.ReviewId;

        var summaries = new (string Agency, string Text)[]
        {
            ("NB-CSC", "Two referrals in the year before the incident were closed after single-agency assessment."),
            ("NB-HEALTH", "Health visiting contacts were missed twice; the follow-up letters went unanswered."),
            ("NB-POLICE", "A domestic incident at the address was attended; the referral reached the front door a week later."),
            ("NB-EDU", "The early years setting recorded concerns about attendance and presentation."),
        };
        var submitted = notified;
        foreach (var (agency, text) in summaries)
        {
            submitted = WorkingDay(submitted.AddDays(1));
            await _reviews.AddAgencySummaryAsync(new AddAgencySummaryRequest
            {
                ReviewId = id, Summary = new AgencySummary { OrganisationCode = agency, SubmittedOn = Iso(submitted), Summary = text },
            }, Options(ct));
        }

        var milestone = submitted;
        foreach (var name in new[] { "agency-summaries", "panel-meeting", "partners-sign-off" })
        {
            milestone = WorkingDay(milestone.AddDays(name == "agency-summaries" ? 0 : 4));
            await _reviews.MeetMilestoneAsync(new MeetMilestoneRequest { ReviewId = id, Clock = "rapid-review", Milestone = name, On = Iso(milestone) }, Options(ct));
        }

        var decided = WorkingDay(milestone.AddDays(1));
        await _reviews.MeetMilestoneAsync(new MeetMilestoneRequest { ReviewId = id, Clock = "rapid-review", Milestone = "sent-to-panel", On = Iso(decided) }, Options(ct));
        await _reviews.RecordDecisionAsync(new RecordDecisionRequest
        {
            ReviewId = id,
            Decision = Decision.LocalPracticeReview,
            DecidedOn = Iso(decided),
            Reasons = "The rapid review found learning about how agencies shared and acted on information that a fuller review should explore.",
        }, Options(ct));
        await _reviews.InitiatePracticeReviewAsync(new InitiatePracticeReviewRequest
        {
            ReviewId = id,
            PracticeReview = new PracticeReview
            {
                InitiatedOn = Iso(WorkingDay(decided.AddDays(14))),
                Method = "SCIE Learning Together",
                Reviewers =
                {
                    new Reviewer { Role = "independent lead reviewer", Independent = true },
                    new Reviewer { Role = "designated nurse for safeguarding", OrganisationCode = "NB-HEALTH" },
                },
                TermsOfReference = "How agencies recognised and responded to neglect of a young child, and how information moved between them.",
                ParallelProcesses = { new ParallelProcess { Kind = "criminal-proceedings", Note = "Police investigation open; the review keeps to practice." } },
            },
        }, Options(ct));

        var findings = new (string Text, string[] Themes, string[] Areas)[]
        {
            ("Information about the household held by three agencies was never brought together.", ["information-sharing", "multi-agency-working"], ["partnership-working"]),
            ("Practitioners did not ask about the child's daily life or see the child's room.", ["voice-of-the-child", "professional-curiosity"], ["cp-cin-planning"]),
            ("Missed health appointments were not escalated when letters went unanswered.", ["escalation", "neglect"], []),
        };
        review = null!;
        foreach (var (text, themes, areas) in findings)
        {
            review = await _reviews.AddFindingAsync(new AddFindingRequest { ReviewId = id, Text = text, ThemeIds = { themes }, ContentAreaIds = { areas } }, Options(ct));
        }

        var findingIds = review.Findings.Select(f => f.FindingId).ToList();
        review = await _reviews.AddRecommendationAsync(new AddRecommendationRequest
        {
            ReviewId = id, Text = "The partnership should agree how agencies share and record concerns about neglect of under-fives.", FindingIds = { findingIds[0], findingIds[2] },
        }, Options(ct));
        review = await _reviews.AddRecommendationAsync(new AddRecommendationRequest
        {
            ReviewId = id, Text = "Agencies should help practitioners find out about a child's lived experience.", FindingIds = { findingIds[1] },
        }, Options(ct));
        var sharing = review.Recommendations[0].RecommendationId;
        var voice = review.Recommendations[1].RecommendationId;

        // (owner, recommendation, description, due, status, completed, evidence)
        var plan = new (string Owner, string Recommendation, string Description, DateOnly Due, ActionStatus Status, string Evidence)[]
        {
            ("NB-POLICE", sharing, "Send domestic incident notifications to the front door within 24 hours.", today.AddDays(-21), ActionStatus.InProgress, ""),
            ("NB-HEALTH", sharing, "Escalate two missed health visiting contacts for under-fives to the named nurse.", today.AddDays(45), ActionStatus.NotStarted, ""),
            ("NB-CSC", voice, "Add the child's day in their own words to every assessment template.", today.AddDays(-10), ActionStatus.Completed, "New assessment template in use since the start of the quarter; audit sample checked."),
            ("NB-EDU", voice, "Brief early years settings on recording attendance and presentation concerns.", today.AddDays(90), ActionStatus.InProgress, ""),
        };
        review = await _reviews.GetCaseReviewAsync(new GetCaseReviewRequest { ReviewId = id }, Options(ct));
        var opened = DateOnly.ParseExact(review.OpenedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var (owner, recommendation, description, due, status, evidence) in plan)
        {
            review = await _reviews.AddActionAsync(new AddActionRequest
            {
                ReviewId = id, RecommendationId = recommendation, OwnerOrganisationCode = owner, Description = description,
                DueOn = Iso(due < opened ? opened : due), ReauditOn = Iso(due.AddDays(120)),
            }, Options(ct));
            if (status != ActionStatus.NotStarted)
            {
                var action = review.Actions[^1];
                await _reviews.UpdateActionAsync(new UpdateActionRequest
                {
                    ReviewId = id, ActionId = action.ActionId, Status = status, Evidence = evidence,
                    CompletedOn = status == ActionStatus.Completed ? Iso(due < today ? due : today) : string.Empty,
                }, Options(ct));
            }
        }

        return plan.Length;
    }

    /// <summary>Child P: notified last week; two agencies' summaries are in and the rapid review's clock runs.</summary>
    private async Task RapidReviewOnItsClockAsync(DateOnly today, CancellationToken ct)
    {
        var notified = WorkingDaysBefore(today, 5);
        var review = await _reviews.NotifyIncidentAsync(new NotifyIncidentRequest
        {
            IncidentAuthorityCode = Partnership,
            ChildReference = "Child P",
            AgeBand = AgeBand._10To15,
            HarmType = HarmType.SeriousHarm,
            AbuseCategories = { AbuseCategory.CriminalExploitation, AbuseCategory.ExtraFamilialHarm },
            BecameAwareOn = Iso(WorkingDaysBefore(today, 7)),
            NotifiedOn = Iso(notified),
            Title = "Child P: serious harm, criminal exploitation",
        }, Options(ct));
        foreach (var (agency, text) in new[]
        {
            ("NB-POLICE", "The young person was found twice in another borough with unexplained cash."),
            ("NB-EDU", "Attendance fell sharply in the autumn term; a managed move was being discussed."),
        })
        {
            await _reviews.AddAgencySummaryAsync(new AddAgencySummaryRequest
            {
                ReviewId = review.ReviewId, Summary = new AgencySummary { OrganisationCode = agency, SubmittedOn = Iso(WorkingDaysBefore(today, 1)), Summary = text },
            }, Options(ct));
        }
    }

    private CallOptions Options(CancellationToken ct) => gateway.As(Partnership, Coordinator, ct);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The day itself, or the Monday after a weekend (bank holidays are the service's business).</summary>
    private static DateOnly WorkingDay(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static DateOnly WorkingDaysBefore(DateOnly day, int count)
    {
        while (count > 0)
        {
            day = day.AddDays(-1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                count--;
            }
        }

        return day;
    }
}
