namespace Safeguarding.Measures.Application;

/// <summary>The <c>Measures</c> configuration section.</summary>
public sealed class MeasuresOptions
{
    public const string Section = "Measures";

    /// <summary>The organisation that owns measures defined by callers who name none (the instance's operator).</summary>
    public string DefaultOrganisation { get; set; } = "E12000007";

    /// <summary>CSV rows per import transaction (each batch commits with its events).</summary>
    public int ImportBatchRows { get; set; } = 5000;

    /// <summary>Problems listed in an import report; beyond this they are only counted.</summary>
    public int MaxReportedProblems { get; set; } = 1000;
}
