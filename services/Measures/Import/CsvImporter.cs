using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Import.Csv;

namespace Safeguarding.Measures.Import;

/// <summary>
/// Imports a CSV file with a mapping. Pure: it reads, checks and produces observations and a report;
/// storing them (or not, for a dry run) is the caller's decision. Rows stream one at a time.
/// </summary>
public static class CsvImporter
{
    public static IAsyncEnumerable<ImportRowResult> ImportAsync(Stream csv, ImportMapping mapping, ImportContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return ImportAsync(CsvReader.ReadAsync(csv, cancellationToken: cancellationToken), mapping, context, cancellationToken);
    }

    public static IAsyncEnumerable<ImportRowResult> ImportAsync(PipeReader csv, ImportMapping mapping, ImportContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return ImportAsync(CsvReader.ReadAsync(csv, cancellationToken: cancellationToken), mapping, context, cancellationToken);
    }

    /// <summary>Collects everything (for dry runs and files that fit in memory); large imports should stream.</summary>
    public static async Task<ImportResult> RunAsync(Stream csv, ImportMapping mapping, ImportContext context, CancellationToken cancellationToken = default)
    {
        var observations = new List<Observation>();
        var report = new ImportReportBuilder();
        await foreach (var row in ImportAsync(csv, mapping, context, cancellationToken))
        {
            observations.AddRange(row.Observations);
            report.Add(row);
        }

        return new ImportResult(observations, report.Build());
    }

    private static async IAsyncEnumerable<ImportRowResult> ImportAsync(IAsyncEnumerable<CsvRecord> records, ImportMapping mapping, ImportContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(context);
        var invalid = context.Validate();
        if (invalid.Count > 0)
        {
            throw new DomainValidationException(invalid);
        }

        RowMapper? mapper = null;
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            if (mapper is not null)
            {
                yield return mapper.Map(record);
                continue;
            }

            var (bound, problems) = MappingBinder.Bind(mapping, record, context.Catalog, out var match);
            if (match is not null)
            {
                context.OnHeader?.Invoke(match);
            }

            if (bound is null)
            {
                yield return new ImportRowResult(record.LineNumber, RowOutcome.Rejected, [], problems, []) { IsFatal = true };
                yield break;
            }

            mapper = new RowMapper(bound, context);
        }

        if (mapper is null)
        {
            yield return new ImportRowResult(1, RowOutcome.Rejected, [], [new ImportProblem(1, null, ProblemSeverity.Error, ImportProblemCodes.EmptyFile, "the file has no header row")], []) { IsFatal = true };
        }
    }
}
