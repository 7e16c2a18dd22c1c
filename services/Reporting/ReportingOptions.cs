namespace Safeguarding.Reporting;

/// <summary>The <c>Reporting</c> configuration section.</summary>
public sealed class ReportingOptions
{
    public const string Section = "Reporting";

    /// <summary>Counts, numerators and denominators below this are withheld outside their own organisation.</summary>
    public int DisclosureThreshold { get; set; } = 5;

    public ExplorationOptions Exploration { get; set; } = new();

    public PdfOptions Pdf { get; set; } = new();

    public ReturnsOptions Returns { get; set; } = new();
}

/// <summary>How reports treat returns (ADR 0024).</summary>
public sealed class ReturnsOptions
{
    /// <summary>
    /// Off (the default): a dataset's returns are in force from its first period anyone has a return for; earlier figures
    /// are shown and no returns are expected for them. On: every period of a dataset is, as in measures' own reads.
    /// </summary>
    public bool HoldBackBeforeFirstReturn { get; set; }
}

/// <summary>
/// The documented rule for whole-population figures (which have no sampling error): a movement or a gap
/// to a comparator counts when it is at least this large. Sampled percentages use their Wilson interval.
/// </summary>
public sealed class ExplorationOptions
{
    /// <summary>For percentages: the change in percentage points.</summary>
    public double PercentagePoints { get; set; } = 5;

    /// <summary>For counts, rates and ratios: the change relative to the earlier (or comparator) figure.</summary>
    public double RelativeChange { get; set; } = 0.10;
}

/// <summary>PDF through Debian's chromium; off unless the instance has the browser.</summary>
public sealed class PdfOptions
{
    public bool Enabled { get; set; }

    public string ChromiumPath { get; set; } = "/usr/bin/chromium";
}
