namespace Safeguarding.CaseReviews.Persistence;

/// <summary>A review: filterable columns and the document (<see cref="ReviewDocuments"/>).</summary>
public sealed class ReviewRow
{
    public string ReviewId { get; set; } = "";

    public string OwnerCode { get; set; } = "";

    public string? ResidenceAuthorityCode { get; set; }

    public string Kind { get; set; } = "";

    public string Stage { get; set; } = "";

    public string OpenedOn { get; set; } = "";

    public string Document { get; set; } = "";

    public long Revision { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One read of row-level records (DESIGN §4: who, what, when). Ids and codes only.</summary>
public sealed class ReviewReadRow
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string UserId { get; set; } = "";

    public string CallerOrganisation { get; set; } = "";

    public string TargetCode { get; set; } = "";

    public string Action { get; set; } = "";

    public string? ReviewId { get; set; }

    public int Records { get; set; }
}
