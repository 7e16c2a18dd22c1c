namespace Safeguarding.Surveys.Persistence;

/// <summary>One version of an organisation's questionnaire; the definition is JSON (<see cref="DefinitionJson"/>).</summary>
public sealed class QuestionnaireRow
{
    public string OrganisationCode { get; set; } = "";

    public string QuestionnaireId { get; set; } = "";

    public int Version { get; set; }

    public string Title { get; set; } = "";

    public string Audience { get; set; } = "";

    public string Definition { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

public sealed class WaveRow
{
    public string WaveId { get; set; } = "";

    public string OrganisationCode { get; set; } = "";

    /// <summary>The questionnaire's owner: the wave's organisation, or "" for a built-in one.</summary>
    public string QuestionnaireOwner { get; set; } = "";

    public string QuestionnaireId { get; set; } = "";

    public int QuestionnaireVersion { get; set; }

    public string Kind { get; set; } = "";

    public string Title { get; set; } = "";

    public DateTime OpensAt { get; set; }

    public DateTime ClosesAt { get; set; }

    public string Anonymity { get; set; } = "";

    public string PeriodCode { get; set; } = "";

    public int MinimumResponses { get; set; }

    public int InvitationsIssued { get; set; }

    public int Responses { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public string? ClosedBy { get; set; }

    public DateTime? ClosedAt { get; set; }
}

/// <summary>A one-time code, kept only as its SHA-256; nothing records when it was used.</summary>
public sealed class InvitationRow
{
    public string CodeHash { get; set; } = "";

    public string WaveId { get; set; } = "";

    public string? FollowUpPseudonym { get; set; }

    public bool Used { get; set; }
}

public sealed class ResponseRow
{
    public string ResponseId { get; set; } = "";

    public string WaveId { get; set; } = "";

    /// <summary>The day only: a time would let the organisation match a response to when a family was seen.</summary>
    public DateOnly ReceivedOn { get; set; }

    public string? FollowUpPseudonym { get; set; }

    /// <summary>JSON object: question name to its values.</summary>
    public string Answers { get; set; } = "";
}

/// <summary>A respondent's answers so far, under the code's hash (save and resume).</summary>
public sealed class DraftRow
{
    public string CodeHash { get; set; } = "";

    public string Answers { get; set; } = "";
}

public sealed class StoryRow
{
    public string StoryId { get; set; } = "";

    public string OrganisationCode { get; set; } = "";

    public string? WaveId { get; set; }

    public string Text { get; set; } = "";

    public string? PublishedText { get; set; }

    public string Consent { get; set; } = "";

    public string Role { get; set; } = "";

    public string AgeBand { get; set; } = "";

    public string ContentAreaId { get; set; } = "";

    public string State { get; set; } = "";

    public string SubmittedBy { get; set; } = "";

    public DateTime SubmittedAt { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTime? ReviewedAt { get; set; }

    public string? ReviewNote { get; set; }

    /// <summary>When its organisation shared it with the region's board; null: not shared (the default) or withdrawn.</summary>
    public DateTime? SharedWithRegionAt { get; set; }

    public string? SharedWithRegionBy { get; set; }
}
