namespace Safeguarding.CaseReviews.Domain.Themes;

/// <summary>A learning theme findings are tagged with.</summary>
public sealed record Theme(string ThemeId, string Title, string Description, string Source);

/// <summary>
/// The learning themes that recur in the national Child Safeguarding Practice Review Panel's annual reports and
/// the NSPCC's repository of published reviews, shipped; a deployment extends it with <c>CaseReviews:Themes</c>
/// (id, title, description), which may not redefine a shipped id.
/// </summary>
public sealed class ThemeTaxonomy
{
    public const string ShippedSource = "shipped";

    private static readonly Theme[] ShippedThemes =
    [
        Shipped("information-sharing", "Information sharing", "Agencies did not share, seek or act on what others knew."),
        Shipped("risk-assessment", "Risk assessment", "Risk was not assessed, or not reassessed as circumstances changed."),
        Shipped("voice-of-the-child", "Voice of the child", "The child's lived experience was not seen, heard or acted on."),
        Shipped("professional-curiosity", "Professional curiosity", "Explanations were accepted without challenge or exploration."),
        Shipped("escalation", "Escalation and challenge", "Disagreements between professionals were not escalated or resolved."),
        Shipped("multi-agency-working", "Multi-agency working", "Partners did not plan or act together around the child."),
        Shipped("critical-thinking-and-decision-making", "Critical thinking and decision making", "Thresholds and decisions were not revisited in the light of new information."),
        Shipped("invisible-men", "Men in the child's life", "Fathers and male carers were not known to, or engaged by, professionals."),
        Shipped("non-accidental-injury-in-infants", "Non-accidental injury in infants", "Bruising or injury in non-mobile babies was not recognised or acted on."),
        Shipped("safer-sleeping", "Safer sleeping", "Unsafe sleep arrangements, often with other risk factors, were not addressed."),
        Shipped("neglect", "Recognising neglect", "Cumulative neglect was not recognised over time."),
        Shipped("domestic-abuse", "Domestic abuse", "Domestic abuse and its impact on the child were not understood."),
        Shipped("parental-mental-health", "Parental mental health", "Adult services and children's services did not think family."),
        Shipped("parental-substance-misuse", "Parental substance misuse", "Drug and alcohol use and its effect on parenting were not assessed."),
        Shipped("child-criminal-exploitation", "Child criminal exploitation", "Exploitation was seen as choice or criminality rather than harm."),
        Shipped("extra-familial-harm", "Extra-familial harm", "Harm outside the home was not met with a contextual response."),
        Shipped("online-harm", "Online harm", "Risks online were not asked about or assessed."),
        Shipped("race-ethnicity-and-culture", "Race, ethnicity and culture", "Identity and experience of discrimination were not considered."),
        Shipped("disabled-children", "Disabled children", "Disability masked signs of abuse or neglect."),
        Shipped("children-missing-education", "Children missing education", "Absence from school, home education or exclusion was not followed up."),
        Shipped("mental-health-and-self-harm", "Children's mental health and self-harm", "Young people's distress and self-harm were not responded to."),
        Shipped("transitions", "Transitions", "Moves between services, areas or to adulthood lost sight of the child."),
        Shipped("supervision-and-workforce", "Supervision and workforce", "Caseloads, turnover and supervision undermined practice."),
        Shipped("recording-and-chronology", "Recording and chronology", "Records and chronologies did not show the pattern of events."),
    ];

    private readonly Dictionary<string, Theme> _byId;

    public ThemeTaxonomy(IEnumerable<Theme>? added = null)
    {
        _byId = ShippedThemes.ToDictionary(t => t.ThemeId, StringComparer.Ordinal);
        foreach (var theme in added ?? [])
        {
            if (string.IsNullOrWhiteSpace(theme.ThemeId) || string.IsNullOrWhiteSpace(theme.Title) || _byId.ContainsKey(theme.ThemeId))
            {
                throw new InvalidOperationException($"CaseReviews:Themes: '{theme.ThemeId}' needs an id and a title that no other theme has.");
            }

            _byId.Add(theme.ThemeId, theme);
        }
    }

    public IReadOnlyCollection<Theme> All => _byId.Values;

    public Theme? Find(string id) => _byId.GetValueOrDefault(id);

    private static Theme Shipped(string id, string title, string description) => new(id, title, description, ShippedSource);
}
