namespace Safeguarding.Reporting.Targets;

/// <summary>A row of measure_targets (0005_qa_planning.sql): one measure's target and forecast for one period.</summary>
internal sealed class MeasureTargetRow
{
    public string OrganisationCode { get; set; } = "";

    public string MeasureId { get; set; } = "";

    public string PeriodCode { get; set; } = "";

    public DateOnly PeriodStart { get; set; }

    public int PeriodMonths { get; set; }

    public double? Target { get; set; }

    public double? Forecast { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
