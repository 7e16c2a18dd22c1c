namespace Safeguarding.Reporting.Region;

/// <summary>
/// Where a region's reports get their picture of the partnerships (<c>Reporting:Region</c>): the aggregation gateway's
/// gRPC address. Unset, a region's reports carry no London-wide section.
/// </summary>
public sealed class RegionOptions
{
    public const string Section = "Reporting:Region";

    /// <summary>e.g. http://gateway:5000 in the London Board's cluster; the embedded runner sets the loopback address.</summary>
    public Uri? GatewayAddress { get; set; }

    /// <summary>How long one fan-out may take before the measure is left out (the gateway answers partially within it).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>At most this many measures (the region's priorities first): each one is a fan-out over every partnership.</summary>
    public int MaxMeasures { get; set; } = 12;

    /// <summary>The Report Book's cap: it shows the region's measures by content area, so more of them than the quarter.</summary>
    public int MaxBookMeasures { get; set; } = 40;

    /// <summary>England's code in the read models (published figures), shown beside the region.</summary>
    public string EnglandCode { get; set; } = "E92000001";
}
