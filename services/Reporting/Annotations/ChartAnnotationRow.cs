namespace Safeguarding.Reporting.Annotations;

/// <summary>A row of chart_annotations (0005_qa_planning.sql); the scope lists are space-separated codes.</summary>
internal sealed class ChartAnnotationRow
{
    public required string Id { get; set; }

    public string OrganisationCode { get; set; } = "";

    /// <summary>"YYYY-MM-DD".</summary>
    public string OccurredOn { get; set; } = "";

    public string Text { get; set; } = "";

    public string ContentAreaIds { get; set; } = "";

    public string MeasureIds { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";
}
