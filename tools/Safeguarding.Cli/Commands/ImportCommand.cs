using System.CommandLine;
using System.Globalization;
using Safeguarding.Cli.Connect;
using Safeguarding.Measures.Grpc;
using Safeguarding.Measures.V1;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary>`import`: stream a CSV of figures (e.g. a published statistics file) through the gateway into an organisation's measures.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The CSV file to import." };
        var mapping = new Option<string>("--mapping", "-m") { Description = "The import mapping, e.g. ees-cin-referrals-rereferrals (the measures service lists them: ListImportMappings).", Required = true };
        var scope = new Option<string[]>("--only") { Description = "Import only the rows of these organisations (codes).", AllowMultipleArgumentsPerToken = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and report what would be stored; store nothing." };
        var defineMissing = new Option<bool>("--define-missing-measures") { Description = "Define the mapping's measures if the organisation has not yet." };
        var connection = new ConnectionOptions();
        var command = new Command("import", "Import a CSV of figures through the gateway (with a progress bar), and summarise what was stored, skipped and rejected.");
        command.Arguments.Add(file);
        foreach (var option in new Option[] { mapping, scope, dryRun, defineMissing })
        {
            command.Options.Add(option);
        }

        connection.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandOutcome.RunAsync(async () =>
        {
            var source = parse.GetValue(file)!;
            if (!source.Exists)
            {
                throw new CliException($"{source.FullName} does not exist.");
            }

            var organisation = parse.GetValue(connection.Organisation)!;
            using var gateway = connection.Open(parse);
            var header = new ImportCsvHeader
            {
                MappingId = parse.GetValue(mapping)!,
                FileName = source.Name,
                DryRun = parse.GetValue(dryRun),
                DefineMissingMeasures = parse.GetValue(defineMissing),
                OrganisationCodes = { parse.GetValue(scope) ?? [] },
            };
            var report = await UploadAsync(gateway, header, source, organisation, parse.GetValue(connection.Roles)!, cancellationToken);
            Summarise(report);
            return report.Fatal ? 1 : 0;
        }));
        return command;
    }

    private static async Task<ImportReport> UploadAsync(GatewayConnection gateway, ImportCsvHeader header, FileInfo source, string organisation, string[] roles, CancellationToken cancellationToken)
    {
        ImportReport report = null!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var upload = context.AddTask($"Importing {Markup.Escape(source.Name)}", maxValue: Math.Max(1, source.Length));
                await using var stream = new ProgressStream(source.OpenRead(), read => upload.Value = read);
                // Big files take a while on the server after the last byte: allow an hour.
                report = await gateway.Measures.ImportCsvAsync(header, stream, gateway.As(organisation, roles, cancellationToken, TimeSpan.FromHours(1)));
                upload.Value = upload.MaxValue;
            });
        return report;
    }

    private static void Summarise(ImportReport report)
    {
        var table = new Table().AddColumns("", "count");
        void Row(string label, long value) => table.AddRow(label, value.ToString("N0", CultureInfo.InvariantCulture));
        Row("rows read", report.RowsRead);
        Row("rows imported", report.RowsImported);
        Row("rows skipped by the mapping", report.RowsSkipped);
        Row("rows of other organisations", report.RowsOutOfScope);
        Row("rows rejected", report.RowsRejected);
        Row(report.DryRun ? "figures that would be stored" : "figures stored", report.ObservationsRecorded);
        Row("figures unchanged", report.ObservationsSkippedIdentical);
        Row("figures superseded", report.ObservationsSuperseded);
        AnsiConsole.Write(table);
        foreach (var problem in report.Problems.Take(20))
        {
            AnsiConsole.MarkupLineInterpolated($"  [yellow]line {problem.Row}[/] {problem.Column}: {problem.Description} ({problem.Code})");
        }

        if (report.ProblemsTotal > 20)
        {
            AnsiConsole.MarkupLineInterpolated($"  ... and {report.ProblemsTotal - 20} more problems.");
        }

        AnsiConsole.MarkupLine(report.Fatal
            ? "[red]Nothing was imported:[/] the file or mapping has the problems above."
            : $"Import [bold]{Markup.Escape(report.ImportId)}[/]{(report.DryRun ? " (dry run: nothing stored)" : string.Empty)}.");
    }
}
