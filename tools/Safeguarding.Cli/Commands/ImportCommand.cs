using System.CommandLine;
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
        var mapping = new Option<string>("--mapping", "-m") { Description = "The import mapping, e.g. ees-cin-referrals-rereferrals: a shipped one or one your organisation uploaded (`import mapping list`).", Required = true };
        var mappingVersion = new Option<int>("--mapping-version") { Description = "An uploaded mapping's version (default: its latest)." };
        var scope = new Option<string[]>("--only") { Description = "Import only the rows of these organisations (codes).", AllowMultipleArgumentsPerToken = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and report what would be stored; store nothing." };
        var defineMissing = new Option<bool>("--define-missing-measures") { Description = "Define the mapping's measures if the organisation has not yet." };
        var reportFile = new Option<FileInfo?>("--report") { Description = "Also write the whole import report to this file: .json (everything) or .csv (one row per problem and mismatch)." };
        var allowRejects = new Option<bool>("--allow-rejected-rows") { Description = "Exit 0 even when rows were rejected or figures disagree with the publisher's (the report still lists them)." };
        var connection = new ConnectionOptions();
        var command = new Command("import", "Import a CSV of figures through the gateway (with a progress bar), and summarise what was stored, skipped and rejected. Exits 1 when nothing could be imported, 2 when rows were rejected or figures disagree with the publisher's (unless --allow-rejected-rows), else 0.");
        command.Arguments.Add(file);
        command.Subcommands.Add(ImportMappingCommand.Create());
        foreach (var option in new Option[] { mapping, mappingVersion, scope, dryRun, defineMissing, reportFile, allowRejects })
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
                MappingVersion = parse.GetValue(mappingVersion),
                FileName = source.Name,
                DryRun = parse.GetValue(dryRun),
                DefineMissingMeasures = parse.GetValue(defineMissing),
                OrganisationCodes = { parse.GetValue(scope) ?? [] },
            };
            var report = await UploadAsync(gateway, header, source, organisation, parse.GetValue(connection.Roles)!, cancellationToken);
            ImportSummary.Write(report, header.DefineMissingMeasures);
            if (parse.GetValue(reportFile) is { } target)
            {
                await ImportReportFile.WriteAsync(target, report, cancellationToken);
                AnsiConsole.MarkupLineInterpolated($"The whole report is in {target.FullName}.");
            }

            return ExitCode(report, parse.GetValue(allowRejects));
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

    /// <summary>1: nothing imported; 2: imported, but rows were rejected or figures disagree with the publisher's; 0: clean.</summary>
    private static int ExitCode(ImportReport report, bool allowRejects) =>
        report.Fatal ? 1
        : !allowRejects && (report.RowsRejected > 0 || report.ChecksMismatched > 0) ? 2
        : 0;
}
