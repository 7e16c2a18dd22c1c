using Safeguarding.Measures.Application.Importing;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Import;
using Proto = Safeguarding.Measures.V1;

namespace Safeguarding.Measures.Grpc.Mapping;

internal static class ImportMappingProtos
{
    public static Proto.ImportMapping ToProto(MappingEntry entry)
    {
        var proto = ToProto(entry.Mapping);
        proto.Origin = entry.Origin == MappingOrigin.Shipped ? "shipped" : entry.Origin == MappingOrigin.Uploaded ? "uploaded" : "inline";
        proto.OrganisationCode = entry.OrganisationCode ?? string.Empty;
        proto.Version = entry.Version;
        proto.UploadedBy = entry.UploadedBy ?? string.Empty;
        proto.DocumentSha256 = entry.DocumentSha256 ?? string.Empty;
        if (entry.UploadedAt is { } at)
        {
            proto.UploadedAt = Timestamps.From(at);
        }

        return proto;
    }

    public static Proto.ImportMapping ToProto(ImportMapping mapping)
    {
        var proto = new Proto.ImportMapping
        {
            Id = mapping.Id,
            Title = mapping.Title,
            Source = mapping.Source ?? string.Empty,
            Layout = WireNames.ToWire(mapping.Layout),
            ColumnsVerified = mapping.ColumnsVerified,
        };
        proto.Measures.AddRange(mapping.Measures.Select(m => new Proto.ImportMappingMeasure
        {
            MeasureId = m.MeasureId,
            Version = m.Version ?? 0,
            Unit = WireNames.ToWire(m.Unit),
            Title = m.Definition?.Title ?? string.Empty,
        }));
        return proto;
    }

    public static Proto.ImportReport ToProto(ImportOutcome outcome)
    {
        var report = outcome.Report;
        var proto = new Proto.ImportReport
        {
            ImportId = outcome.ImportId,
            MappingId = outcome.Request.Mapping?.Mapping.Id ?? outcome.Request.MappingId,
            MappingVersion = outcome.Request.Mapping?.Version ?? 0,
            FileName = outcome.Request.FileName,
            DryRun = outcome.Request.DryRun,
            Fatal = report.Fatal,
            RowsRead = report.RowsRead,
            RowsImported = report.RowsImported,
            RowsRejected = report.RowsRejected,
            RowsSkipped = report.RowsSkipped - outcome.RowsOutOfScope,
            RowsOutOfScope = outcome.RowsOutOfScope,
            ObservationsProduced = report.ObservationsProduced,
            ObservationsRecorded = outcome.Recorded,
            ObservationsSkippedIdentical = outcome.SkippedIdentical,
            ObservationsSuperseded = outcome.Superseded,
            BatchesCommitted = outcome.Batches,
            ProblemsTotal = report.Problems.Count + report.ProblemsOmitted,
            ChecksMatched = report.ChecksMatched,
            ChecksMismatched = report.ChecksMismatched,
            ChecksNotChecked = report.ChecksNotChecked,
            StartedAt = Timestamps.From(outcome.StartedAt),
            CompletedAt = Timestamps.From(outcome.CompletedAt),
        };
        proto.Problems.AddRange(report.Problems.Select(p => new Proto.ImportProblem
        {
            Row = p.Line,
            Column = p.Column ?? string.Empty,
            Severity = EnumMap<Proto.ImportProblemSeverity, ProblemSeverity>.ToProto(p.Severity),
            Code = p.Code,
            Description = p.Description,
        }));
        foreach (var (code, count) in report.ProblemCounts)
        {
            proto.ProblemCounts[code] = count;
        }

        proto.Mismatches.AddRange(report.Mismatches.Select(m => new Proto.CrossCheckMismatch
        {
            Row = m.Line,
            MeasureId = m.MeasureId,
            OrganisationCode = m.OrganisationCode,
            PeriodCode = m.Period.Code,
            Recomputed = Decimals.Format(m.Comparison?.Recomputed),
            RecomputedRounded = Decimals.Format(m.Comparison?.RecomputedRounded),
            Published = Decimals.Format(m.Comparison?.Published),
        }));
        proto.OrganisationIssues.AddRange(report.OrganisationIssues.Select(i => new Proto.OrganisationCodeIssue
        {
            Code = i.Code,
            Problem = i.ProblemCode,
            Rows = i.Rows,
            FirstRow = i.FirstLine,
        }));
        foreach (var (state, count) in report.States)
        {
            proto.States[WireNames.ToWire(state)] = count;
        }

        proto.MeasuresDefined.AddRange(outcome.MeasuresDefined);
        if (outcome.Columns is { } columns)
        {
            proto.ColumnsMatched.AddRange(columns.Matched);
            proto.ColumnsMissing.AddRange(columns.Missing);
            proto.ColumnsUnused.AddRange(columns.Unused);
        }

        return proto;
    }
}
