using System.Collections.Concurrent;
using System.Security.Cryptography;
using Grpc.Core;
using Safeguarding.Measures.V1;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.CsvImports;

/// <summary>
/// Imports running in the background of this application, so a long one is not tied to a browser request: the
/// upload is spooled to a temporary file, streamed to the gateway as the person who uploaded it, and its progress
/// and report kept for an hour for the progress page. They live in this process: behind several replicas the
/// progress page needs the same replica (ADR 0016).
/// </summary>
public sealed partial class ImportJobs(ImportsGateway imports, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<ImportJobs> log)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, ImportJob> _jobs = new(StringComparer.Ordinal);

    /// <summary>Starts streaming <paramref name="spooled"/> (deleted when done) with <paramref name="header"/>; returns the job at once.</summary>
    public ImportJob Start(SignedInUser person, ImportCsvHeader header, string mappingTitle, FileInfo spooled)
    {
        Forget();
        var job = new ImportJob(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), person.UserId, person.Organisation,
            header.FileName, mappingTitle, spooled.Length, header.DryRun, clock.GetUtcNow());
        _jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job, person, header, spooled));
        return job;
    }

    /// <summary>The job, when <paramref name="person"/> started it; anyone else gets nothing (as for a missing one).</summary>
    public ImportJob? Find(SignedInUser person, string id) =>
        _jobs.TryGetValue(id, out var job) && job.OwnerUserId == person.UserId && job.OwnerOrganisation == person.Organisation ? job : null;

    private async Task RunAsync(ImportJob job, SignedInUser person, ImportCsvHeader header, FileInfo spooled)
    {
        try
        {
            await using var file = spooled.OpenRead();
            job.Complete(await imports.ImportAsync(person, header, file, job.Sent, lifetime.ApplicationStopping));
            Finished(log, job.Id, job.Report!.RowsRead, job.Report.RowsRejected);
        }
        catch (RpcException ex)
        {
            Refused(log, job.Id, ex.StatusCode);
            job.Fail(ex.StatusCode == StatusCode.InvalidArgument
                ? new GatewayProblem("The file could not be imported", ex.Status.Detail, StatusCodes.Status400BadRequest)
                : GatewayProblem.From(ex));
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            Stopped(log, job.Id, ex.GetType().Name);
            job.Fail(GatewayProblem.From(new RpcException(new Status(StatusCode.Unavailable, "stopped"))));
        }
#pragma warning disable CA1031 // Whatever else went wrong, the progress page must end with a problem, not wait for ever.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Stopped(log, job.Id, ex.GetType().Name);
            job.Fail(GatewayProblem.From(new RpcException(new Status(StatusCode.Internal, "failed"))));
        }
        finally
        {
            spooled.Delete();
        }
    }

    private void Forget()
    {
        var before = clock.GetUtcNow() - KeptFor;
        foreach (var old in _jobs.Values.Where(j => j.Finished && j.Started < before))
        {
            _jobs.TryRemove(old.Id, out _);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportJob} finished: {Rows} rows read, {Rejected} rejected")]
    private static partial void Finished(ILogger logger, string importJob, long rows, long rejected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {ImportJob} refused: {Status}")]
    private static partial void Refused(ILogger logger, string importJob, StatusCode status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {ImportJob} stopped: {Error}")]
    private static partial void Stopped(ILogger logger, string importJob, string error);
}
