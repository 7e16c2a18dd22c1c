using Microsoft.EntityFrameworkCore;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.SignOff;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Service.Support;

/// <summary>
/// A reporting host on SQLite whose read models hold the fictional partnership's evidence, with a channel for the QA
/// planning client: the set-up of tests that plan or annotate, draft a Report Book and read what it stored.
/// </summary>
public abstract class PublishedPartnershipHost : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Sqlite();

    protected FictionalPartnership Partnership { get; } = new();

    protected ReportingHost Host { get; private set; } = null!;

    protected global::Grpc.Net.Client.GrpcChannel Channel { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await ReportingHost.StartAsync(_database);
        Channel = QaPlanningCaller.ChannelTo(Host);
        var published = await Partnership.PublishEvidenceAsync(Host);
        await Host.WaitForReceivedAsync(published);
    }

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        await Host.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>Drafts the partnership's Report Book for <paramref name="periodCode"/> and reads back the document it stored.</summary>
    protected async Task<(Report Report, ReportBook Book)> DraftBookAsync(string periodCode)
    {
        var report = await Host.Client.GenerateBookAsync(Partnership.Code, periodCode);
        var row = await Host.QueryAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.Id == report.Id));
        return (report, (ReportBook)DocumentSnapshot.Deserialize(ReportKind.Book, row.Snapshot));
    }
}
