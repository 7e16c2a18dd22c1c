namespace Safeguarding.Reporting.ReadModels;

/// <summary>An approved, de-identified story (the surveys service's StoryPublished): what reports quote as a voice.</summary>
public sealed class StoryRow
{
    public string StoryId { get; set; } = "";

    public string OrganisationCode { get; set; } = "";

    /// <summary>Who may read it quoted: <see cref="StoryConsent"/>.</summary>
    public int Consent { get; set; }

    /// <summary>By role and age band only ("a young person aged 13–15", "a parent or carer").</summary>
    public string Attribution { get; set; } = "";

    public string Quote { get; set; } = "";

    public string? ContentAreaId { get; set; }

    public DateTime PublishedAt { get; set; }
}

/// <summary>How far a story may be quoted (the consent given): its own organisation, the partnership, or the public.</summary>
public enum StoryConsent
{
    Internal = 1,
    Partnership = 2,
    Public = 3,
}
