using Safeguarding.Surveys.V1;

namespace Safeguarding.Web.Pages.Surveys;

/// <summary>The surveys service's codes in words.</summary>
public static class SurveyWords
{
    /// <summary>How widely the person who told the story agreed it may be quoted: what a reviewer weighs before approving.</summary>
    public static string Consent(QuoteConsent consent) => consent switch
    {
        QuoteConsent.None => "Not to be quoted",
        QuoteConsent.Internal => "Quoted inside the organisation only",
        QuoteConsent.Partnership => "Quoted within the partnership",
        QuoteConsent.Public => "Quoted in public",
        _ => "Not recorded",
    };

    public static string State(WaveState state) => state switch
    {
        WaveState.Scheduled => "Scheduled",
        WaveState.Open => "Open",
        WaveState.Closed => "Closed",
        _ => "Not set",
    };

    /// <summary>Responses as a percentage of invitations issued; null before any invitation (no rate, not zero).</summary>
    public static decimal? ResponseRate(Wave wave) =>
        wave.InvitationsIssued == 0 ? null : Math.Round(100m * wave.Responses / wave.InvitationsIssued, 1);

    public static string Day(Google.Protobuf.WellKnownTypes.Timestamp? at) =>
        at?.ToDateTime().ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "Not set";

    public static string State(StoryState state) => state switch
    {
        StoryState.AwaitingReview => "Awaiting review",
        StoryState.Published => "Approved",
        StoryState.Rejected => "Rejected",
        _ => "Not set",
    };

    public static IReadOnlyList<(string Value, string Words)> Decisions { get; } =
    [
        (nameof(ReviewDecision.Approve), "Approve it as it stands"),
        (nameof(ReviewDecision.ApproveRedacted), "Approve it with your changes"),
        (nameof(ReviewDecision.Reject), "Reject it"),
    ];

    public static string Audience(Audience audience) => audience switch
    {
        Safeguarding.Surveys.V1.Audience.Child => "Children",
        Safeguarding.Surveys.V1.Audience.ParentCarer => "Parents and carers",
        Safeguarding.Surveys.V1.Audience.FrontlineStaff => "Frontline staff",
        Safeguarding.Surveys.V1.Audience.PartnerProfessional => "Partner professionals",
        _ => "Not set",
    };

    /// <summary>The audience question's choices; the empty one leaves it to the form's settings sheet.</summary>
    public static IReadOnlyList<(string Value, string Words)> Audiences { get; } =
    [
        (string.Empty, "As the form's settings sheet says"),
        (nameof(Safeguarding.Surveys.V1.Audience.ParentCarer), "Parents and carers"),
        (nameof(Safeguarding.Surveys.V1.Audience.Child), "Children"),
        (nameof(Safeguarding.Surveys.V1.Audience.FrontlineStaff), "Frontline staff"),
        (nameof(Safeguarding.Surveys.V1.Audience.PartnerProfessional), "Partner professionals"),
    ];

    /// <summary>When in a family's journey the wave asks (its kind), for the question's choices.</summary>
    public static IReadOnlyList<(string Value, string Words)> Kinds { get; } =
    [
        (nameof(WaveKind.Closure), "At closure"),
        (nameof(WaveKind.SixMonths), "Six months after closure"),
        (nameof(WaveKind.TwelveMonths), "Twelve months after closure"),
        (nameof(WaveKind.AnnualStaff), "Annual staff survey"),
        (nameof(WaveKind.AdHoc), "Ad hoc"),
    ];
}
