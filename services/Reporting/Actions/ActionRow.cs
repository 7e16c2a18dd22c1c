namespace Safeguarding.Reporting.Actions;

/// <summary>An action in the register (table register_actions, 0005_actions_register.sql).</summary>
public sealed class ActionRow
{
    public string Id { get; set; } = "";

    /// <summary>The owner: the organisation that alone may change it.</summary>
    public string OrganisationCode { get; set; } = "";

    /// <summary>The partnership it is held for (sees it too); empty when none.</summary>
    public string PartnershipCode { get; set; } = "";

    public int Source { get; set; }

    public string SourceReference { get; set; } = "";

    public string Description { get; set; } = "";

    public DateOnly AgreedOn { get; set; }

    public DateOnly DueOn { get; set; }

    public int Status { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public string EvidenceOfCompletion { get; set; } = "";

    public string EvidenceOfImpact { get; set; } = "";

    public string MeasureId { get; set; } = "";

    public string ContentAreaId { get; set; } = "";

    public string Etag { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
