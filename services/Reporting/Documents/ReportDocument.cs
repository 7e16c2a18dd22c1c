namespace Safeguarding.Reporting.Documents;

/// <summary>
/// What every report shares: whose it is, which period it covers, and the document's own date and version.
/// Renderers print <see cref="PublishedOn"/> and nothing else time-dependent, so output is reproducible.
/// </summary>
public abstract record ReportDocument
{
    public required string Title { get; init; }

    public required OrganisationRef Organisation { get; init; }

    public required ReportPeriod Period { get; init; }

    public required DateOnly PublishedOn { get; init; }

    public required string Version { get; init; }
}
