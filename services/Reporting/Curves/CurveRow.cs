namespace Safeguarding.Reporting.Curves;

/// <summary>A Turning the Curve record (table turning_the_curve_records, 0008_turning_the_curve.sql).</summary>
internal sealed class CurveRow
{
    public string Id { get; set; } = "";

    /// <summary>The owner: the organisation that alone may change it.</summary>
    public string OrganisationCode { get; set; } = "";

    public string MeasureId { get; set; } = "";

    public DateOnly HeldOn { get; set; }

    /// <summary>The QA timetable activity it completes; empty when none.</summary>
    public string QaActivityId { get; set; } = "";

    /// <summary>What people wrote (title, story, forces, partners, ideas) as proto3 JSON of a TurningTheCurve.</summary>
    public string Body { get; set; } = "";

    public string Etag { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
