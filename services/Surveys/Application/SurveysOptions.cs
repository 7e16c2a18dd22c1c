namespace Safeguarding.Surveys.Application;

public sealed class SurveysOptions
{
    public const string Section = "Surveys";

    /// <summary>
    /// Secret for follow-up pseudonyms (at least 32 characters). Unset: derived from Auth:DevelopmentKey when that is
    /// set (development); otherwise pseudonymous waves cannot issue invitations.
    /// </summary>
    public string? FollowUpKey { get; set; }

    /// <summary>
    /// Where respondents reach the pages from outside (the gateway's public address, e.g. https://surveys.example.org);
    /// printed invitation sheets carry QR codes of links under it. Unset: sheets carry the code only.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Default minimum number of answers below which a figure is suppressed outside the organisation.</summary>
    public int MinimumResponses { get; set; } = 5;
}
