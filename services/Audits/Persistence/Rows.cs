namespace Safeguarding.Audits.Persistence;

/// <summary>One version of an organisation's audit tool; its sections and criteria are the tool's proto JSON.</summary>
public sealed class ToolRow
{
    public string OrganisationCode { get; set; } = "";

    public string ToolId { get; set; } = "";

    public int Version { get; set; }

    public string Title { get; set; } = "";

    public string MeaningHash { get; set; } = "";

    public string? LibraryToolId { get; set; }

    public string Content { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

/// <summary>A programme; lists (units, participants, cases) are JSON of the programme proto's fields.</summary>
public sealed class ProgrammeRow
{
    public string ProgrammeId { get; set; } = "";

    public string OrganisationCode { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Title { get; set; } = "";

    public string ToolId { get; set; } = "";

    public int ToolVersion { get; set; }

    public string StartMonth { get; set; } = "";

    public string EndMonth { get; set; } = "";

    public string? Deadline { get; set; }

    public string Content { get; set; } = "";

    public string Status { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public int TimesClosed { get; set; }

    public int Revision { get; set; }

    /// <summary>"casereviews:&lt;review id&gt;" when the exercise is run on a case review (also in Content), for finding a review's audits.</summary>
    public string? CaseReview { get; set; }
}

/// <summary>An organisation that takes part in a programme (the lead is one too), for finding its programmes.</summary>
public sealed class ProgrammeMemberRow
{
    public string ProgrammeId { get; set; } = "";

    public string OrganisationCode { get; set; } = "";
}

public sealed class CaseAuditRow
{
    public string CaseAuditId { get; set; } = "";

    public string ProgrammeId { get; set; } = "";

    public string OrganisationCode { get; set; } = "";

    public string ToolId { get; set; } = "";

    public int ToolVersion { get; set; }

    public string CasePseudonym { get; set; } = "";

    public string? CaseLabel { get; set; }

    public string Month { get; set; } = "";

    public string? Unit { get; set; }

    public string Status { get; set; } = "";

    public string AuditorUserId { get; set; } = "";

    public string? AuditorRole { get; set; }

    public string? ModeratorUserId { get; set; }

    public string? Strengths { get; set; }

    /// <summary>Findings and actions as JSON arrays of their proto messages.</summary>
    public string Findings { get; set; } = "[]";

    public string Actions { get; set; } = "[]";

    public string? ModerationNote { get; set; }

    public int Revision { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public DateTime? ModeratedAt { get; set; }

    public DateTime? FinalisedAt { get; set; }
}

/// <summary>One criterion's answer; the moderator's, where there is one, is kept beside the auditor's.</summary>
public sealed class AnswerRow
{
    public string CaseAuditId { get; set; } = "";

    public string CriterionId { get; set; } = "";

    public string Value { get; set; } = "";

    public string? ModeratedValue { get; set; }

    public string? Comment { get; set; }
}

/// <summary>Who read or exported row-level audit data, and when (DESIGN §4).</summary>
public sealed class ReadLogRow
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public string UserId { get; set; } = "";

    public string OrganisationCode { get; set; } = "";

    public string Action { get; set; } = "";

    public string ResourceType { get; set; } = "";

    public string ResourceId { get; set; } = "";
}
