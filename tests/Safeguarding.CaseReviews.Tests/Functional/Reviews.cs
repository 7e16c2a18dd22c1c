using Safeguarding.CaseReviews.V1;

namespace Safeguarding.CaseReviews.Tests.Functional;

/// <summary>Requests for a fictional cross-border serious incident and the steps after it.</summary>
internal static class Reviews
{
    public static NotifyIncidentRequest Incident(string authority = Calls.Partnership, string residence = Calls.OtherPartnership) => new()
    {
        IncidentAuthorityCode = authority,
        ResidenceAuthorityCode = residence,
        ChildReference = "Child Q",
        AgeBand = AgeBand._1To4,
        HarmType = HarmType.SeriousHarm,
        AbuseCategories = { AbuseCategory.Physical, AbuseCategory.Neglect },
        InCare = false,
        BecameAwareOn = "2026-03-02",
        NotifiedOn = "2026-03-05",
    };

    public static AddAgencySummaryRequest Summary(string reviewId, string organisation, string on = "2026-03-11") => new()
    {
        ReviewId = reviewId,
        Summary = new AgencySummary { OrganisationCode = organisation, SubmittedOn = on, Summary = "Contacts with the family over the year before the incident; no escalation of concerns about bruising." },
    };

    public static RecordDecisionRequest Decide(string reviewId, Decision decision = Decision.LocalPracticeReview, string on = "2026-03-25") => new()
    {
        ReviewId = reviewId,
        Decision = decision,
        DecidedOn = on,
        Reasons = "The rapid review found learning about information sharing between health and children's social care that a practice review should explore.",
    };

    public static InitiatePracticeReviewRequest Initiate(string reviewId, string on = "2026-04-15") => new()
    {
        ReviewId = reviewId,
        PracticeReview = new PracticeReview
        {
            InitiatedOn = on,
            Method = "SCIE Learning Together",
            TermsOfReference = "How agencies shared and acted on concerns about injuries to a non-mobile baby.",
            Reviewers = { new Reviewer { Role = "independent lead reviewer", Independent = true }, new Reviewer { Role = "designated nurse", OrganisationCode = "NB-HEALTH" } },
            ParallelProcesses = { new ParallelProcess { Kind = "criminal-proceedings", Note = "Police investigation open." } },
        },
    };

    public static async Task<CaseReview> DecidedAsync(CaseReviewsService.CaseReviewsServiceClient client, Decision decision = Decision.LocalPracticeReview)
    {
        var review = await client.NotifyIncidentAsync(Incident());
        await client.AddAgencySummaryAsync(Summary(review.ReviewId, "NB-HEALTH"));
        await client.AddAgencySummaryAsync(Summary(review.ReviewId, "NB-CSC", "2026-03-12"));
        return await client.RecordDecisionAsync(Decide(review.ReviewId, decision));
    }
}
