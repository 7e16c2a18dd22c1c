using Google.Protobuf.WellKnownTypes;
using Safeguarding.CaseReviews.Domain;
using Safeguarding.CaseReviews.Domain.Clocks;
using Safeguarding.CaseReviews.Domain.Reviews;
using Proto = Safeguarding.CaseReviews.V1;

namespace Safeguarding.CaseReviews.Grpc;

/// <summary>Reviews as the contract shows them, with every clock evaluated on one day.</summary>
public sealed class ReviewMapping(ClockRuleBook rules, IWorkingDayCalendar calendar)
{
    public Proto.CaseReview ToProto(CaseReview review, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(review);
        var proto = new Proto.CaseReview
        {
            ReviewId = review.ReviewId,
            Kind = review.Kind,
            Stage = review.Stage,
            OwnerCode = review.OwnerCode,
            ResidenceAuthorityCode = review.ResidenceAuthorityCode ?? "",
            Title = review.Title,
            ChildReference = review.ChildReference ?? "",
            AgeBand = review.AgeBand,
            HarmType = review.HarmType,
            AbuseCategories = { review.AbuseCategories },
            InCare = review.InCare,
            BecameAwareOn = review.BecameAwareOn.Iso(),
            NotifiedOn = review.NotifiedOn.Iso(),
            OpenedOn = review.OpenedOn.Iso(),
            AgencySummaries = { review.AgencySummaries.Select(s => new Proto.AgencySummary { OrganisationCode = s.OrganisationCode, SubmittedOn = s.SubmittedOn.Iso(), Summary = s.Summary }) },
            Clocks = { review.Clocks.Select(c => Clock(c, asOf)) },
            Findings = { review.Findings.Select(f => new Proto.Finding { FindingId = f.FindingId, Text = f.Text, ContentAreaIds = { f.ContentAreaIds }, ThemeIds = { f.ThemeIds } }) },
            Recommendations = { review.Recommendations.Select(r => new Proto.Recommendation { RecommendationId = r.RecommendationId, Text = r.Text, FindingIds = { r.FindingIds } }) },
            Actions = { review.Actions.Select(a => Action(a, asOf)) },
        };
        if (review.Decision is { } d)
        {
            proto.Decision = new Proto.DecisionRecord { Decision = d.Decision, DecidedOn = d.DecidedOn.Iso(), Reasons = d.Reasons };
        }

        if (review.PracticeReview is { } p)
        {
            proto.PracticeReview = new Proto.PracticeReview
            {
                InitiatedOn = p.InitiatedOn.Iso(),
                Method = p.Method,
                TermsOfReference = p.TermsOfReference,
                Reviewers = { p.Reviewers.Select(r => new Proto.Reviewer { Role = r.Role, OrganisationCode = r.OrganisationCode, Independent = r.Independent }) },
                ParallelProcesses = { p.ParallelProcesses.Select(x => new Proto.ParallelProcess { Kind = x.Kind, Note = x.Note ?? "" }) },
            };
        }

        if (review.Publication is { } pub)
        {
            proto.Publication = new Proto.Publication { PublishedOn = pub.PublishedOn.Iso(), PanelToldOn = pub.PanelToldOn.Iso() };
        }

        return proto;
    }

    public Proto.Clock Clock(ClockEntry entry, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var clock = entry.ToClock();
        var rule = rules.ById(clock.RuleSetId, clock.StartedOn).Find(clock.Name)!;
        var status = clock.Evaluate(rule, calendar, asOf);
        return new Proto.Clock
        {
            Clock_ = status.Clock,
            RuleSet = status.RuleSetId,
            StartedOn = status.StartedOn.Iso(),
            DueOn = status.DueOn.Iso(),
            MetOn = status.MetOn.Iso(),
            State = State(status.State),
            WorkingDaysRemaining = status.WorkingDaysRemaining,
            PausedDays = status.PausedDays,
            Milestones = { status.Milestones.Select(m => new Proto.Milestone { Milestone_ = m.Milestone, DueOn = m.DueOn.Iso(), MetOn = m.MetOn.Iso(), State = State(m.State) }) },
            Pauses = { clock.Pauses.Select(p => new Proto.ClockPause { From = p.From.Iso(), Until = p.Until.Iso(), Reason = p.Reason, Note = p.Note ?? "" }) },
            Audit = { clock.Audit.Select(a => new Proto.ClockAuditEntry { At = Timestamp.FromDateTimeOffset(a.At), UserId = a.Actor, Action = a.Action, On = a.On.Iso(), Detail = a.Detail ?? "" }) },
        };
    }

    public static Proto.ReviewAction Action(ActionEntry a, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new Proto.ReviewAction
        {
            ActionId = a.ActionId,
            RecommendationId = a.RecommendationId,
            OwnerOrganisationCode = a.OwnerOrganisationCode,
            Description = a.Description,
            DueOn = a.DueOn.Iso(),
            Status = a.Status,
            Evidence = a.Evidence ?? "",
            CompletedOn = a.CompletedOn.Iso(),
            LinkedMeasureId = a.LinkedMeasureId ?? "",
            ReauditOn = a.ReauditOn.Iso(),
            Overdue = a.IsOverdue(asOf),
            UpdatedAt = Timestamp.FromDateTimeOffset(a.UpdatedAt),
        };
    }

    public static Proto.ClockState State(ClockState state) => state switch
    {
        ClockState.OnTime => Proto.ClockState.OnTime,
        ClockState.DueSoon => Proto.ClockState.DueSoon,
        ClockState.Overdue => Proto.ClockState.Overdue,
        ClockState.Met => Proto.ClockState.Met,
        ClockState.MetLate => Proto.ClockState.MetLate,
        _ => Proto.ClockState.Paused,
    };
}
