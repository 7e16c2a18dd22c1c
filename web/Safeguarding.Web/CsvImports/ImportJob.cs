using Safeguarding.Measures.V1;
using Safeguarding.Web.Gateway;

namespace Safeguarding.Web.CsvImports;

/// <summary>
/// One upload being streamed to the gateway's ImportCsv, watched by its progress page. Only the person who
/// started it can see it; it names the file and the mapping, never the file's content.
/// </summary>
public sealed class ImportJob(string id, string ownerUserId, string ownerOrganisation, string fileName, string mappingTitle, long totalBytes, bool dryRun, DateTimeOffset started)
{
    private long _sentBytes;

    public string Id { get; } = id;

    public string OwnerUserId { get; } = ownerUserId;

    public string OwnerOrganisation { get; } = ownerOrganisation;

    public string FileName { get; } = fileName;

    public string MappingTitle { get; } = mappingTitle;

    public long TotalBytes { get; } = totalBytes;

    public bool DryRun { get; } = dryRun;

    public DateTimeOffset Started { get; } = started;

    public long SentBytes => Interlocked.Read(ref _sentBytes);

    /// <summary>Whole percent of the file the gateway has taken (100 once sent, while the service finishes).</summary>
    public int Percent => TotalBytes == 0 ? 100 : (int)Math.Min(100, SentBytes * 100 / TotalBytes);

    /// <summary>The service's report, once it answered.</summary>
    public ImportReport? Report { get; private set; }

    /// <summary>Why there is no report: the gateway or service refused the import, said for a person.</summary>
    public GatewayProblem? Problem { get; private set; }

    public bool Finished => Report is not null || Problem is not null;

    internal void Sent(long bytes) => Interlocked.Exchange(ref _sentBytes, bytes);

    internal void Complete(ImportReport report) => Report = report;

    internal void Fail(GatewayProblem problem) => Problem = problem;
}
