using System.CommandLine;
using System.Globalization;
using Grpc.Core;
using Safeguarding.Cli.Connect;
using Safeguarding.Measures.Grpc;
using Safeguarding.Measures.V1;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// `import mapping upload|list|show|dry-run`: an analyst's own import mappings (docs/import-mappings.md). A mapping
/// document (YAML or JSON) is tried against a sample of the release with `dry-run` (nothing stored), uploaded as the
/// organisation's next version with `upload`, and then named by `import --mapping`.
/// </summary>
internal static class ImportMappingCommand
{
    public static Command Create()
    {
        var command = new Command("mapping", "Your organisation's import mappings: try one against a file (dry-run), upload it (a changed document is a new version), list them beside the shipped ones, show one.");
        command.Subcommands.Add(Upload());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(DryRun());
        return command;
    }

    private static Command Upload()
    {
        var file = new Argument<FileInfo>("mapping-file") { Description = "The mapping document, YAML or JSON." };
        var validateOnly = new Option<bool>("--validate-only") { Description = "Check the document and say what would be stored; store nothing." };
        var connection = new ConnectionOptions();
        var command = new Command("upload", "Check a mapping document and store it for the organisation: a new id is version 1, a changed document the next version, an unchanged one nothing. Exits 1 when the document has problems (each named by its path in the document).");
        command.Arguments.Add(file);
        command.Options.Add(validateOnly);
        connection.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandOutcome.RunAsync(async () =>
        {
            var document = await ReadAsync(parse.GetValue(file)!, cancellationToken);
            using var gateway = connection.Open(parse);
            var response = await gateway.Measures.UploadImportMappingAsync(
                new UploadImportMappingRequest { Document = document, ValidateOnly = parse.GetValue(validateOnly) },
                As(gateway, parse, connection, cancellationToken));
            var mapping = response.Mapping;
            AnsiConsole.MarkupLineInterpolated(
                $"Mapping [bold]{mapping.Id}[/] version {mapping.Version} for {mapping.OrganisationCode}: {(response.Stored ? "stored" : parse.GetValue(validateOnly) ? "valid (validate only: nothing stored)" : "unchanged (the latest version is this document: nothing stored)")}.");
            WriteMeasures(mapping);
            if (response.MeasuresNotYetDefined.Count > 0)
            {
                AnsiConsole.MarkupLineInterpolated($"Not defined yet: {string.Join(", ", response.MeasuresNotYetDefined)}. Import with --define-missing-measures to define them from the mapping's definitions.");
            }

            return 0;
        }));
        return command;
    }

    private static Command List()
    {
        var connection = new ConnectionOptions();
        var command = new Command("list", "The shipped mappings and the organisation's uploaded ones (latest version of each).");
        connection.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandOutcome.RunAsync(async () =>
        {
            using var gateway = connection.Open(parse);
            var response = await gateway.Measures.ListImportMappingsAsync(new ListImportMappingsRequest(), As(gateway, parse, connection, cancellationToken));
            // One line each (a table would break the long ids at the console's width).
            foreach (var m in response.Mappings)
            {
                var origin = m.Version == 0 ? m.Origin : $"{m.Origin} version {m.Version.ToString(CultureInfo.InvariantCulture)}";
                AnsiConsole.MarkupLineInterpolated($"[bold]{m.Id}[/] ({origin}; {m.Layout}; {m.Measures.Count} measures) — {m.Title}");
            }
            return 0;
        }));
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("mapping-id") { Description = "The mapping's id." };
        var version = new Option<int>("--version") { Description = "An uploaded mapping's version (default: the latest)." };
        var document = new Option<bool>("--document") { Description = "Print the document itself (to copy as the start of a new mapping)." };
        var connection = new ConnectionOptions();
        var command = new Command("show", "One mapping: where it comes from, its versions and the measures it fills; --document prints the document.");
        command.Arguments.Add(id);
        command.Options.Add(version);
        command.Options.Add(document);
        connection.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandOutcome.RunAsync(async () =>
        {
            using var gateway = connection.Open(parse);
            var response = await gateway.Measures.GetImportMappingAsync(
                new GetImportMappingRequest { MappingId = parse.GetValue(id)!, Version = parse.GetValue(version) },
                As(gateway, parse, connection, cancellationToken));
            if (parse.GetValue(document))
            {
                Console.Out.Write(response.Document);
                return 0;
            }

            var m = response.Mapping;
            AnsiConsole.MarkupLineInterpolated($"[bold]{m.Id}[/] — {m.Title}");
            AnsiConsole.MarkupLineInterpolated($"  {m.Origin}{(m.Version > 0 ? $", version {m.Version} of {m.OrganisationCode}, uploaded {m.UploadedAt.ToDateTimeOffset():yyyy-MM-dd HH:mm} by {m.UploadedBy}" : string.Empty)}; layout {m.Layout}; columns {(m.ColumnsVerified ? "verified against a real file" : "not verified")}");
            foreach (var v in response.Versions)
            {
                AnsiConsole.MarkupLineInterpolated($"  version {v.Version}: {v.Title} ({v.UploadedAt.ToDateTimeOffset():yyyy-MM-dd HH:mm}, sha256 {v.DocumentSha256[..12]})");
            }

            WriteMeasures(m);
            return 0;
        }));
        return command;
    }

    private static Command DryRun()
    {
        var mappingFile = new Argument<FileInfo>("mapping-file") { Description = "The mapping document to try, YAML or JSON (not uploaded)." };
        var sample = new Argument<FileInfo>("sample-file") { Description = "A CSV of the release (the whole file or its first rows)." };
        var connection = new ConnectionOptions();
        var command = new Command("dry-run", "Try a mapping document against a file, storing nothing: which columns matched, which measures it would define, and the first problems. Exits 1 when the file cannot be imported with it, 2 when rows would be rejected, else 0.");
        command.Arguments.Add(mappingFile);
        command.Arguments.Add(sample);
        connection.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandOutcome.RunAsync(async () =>
        {
            var document = await ReadAsync(parse.GetValue(mappingFile)!, cancellationToken);
            var source = parse.GetValue(sample)!;
            if (!source.Exists)
            {
                throw new CliException($"{source.FullName} does not exist.");
            }

            using var gateway = connection.Open(parse);
            var header = new ImportCsvHeader { MappingDocument = document, FileName = source.Name, DryRun = true, DefineMissingMeasures = true };
            await using var stream = source.OpenRead();
            var report = await gateway.Measures.ImportCsvAsync(header, stream, As(gateway, parse, connection, cancellationToken, TimeSpan.FromHours(1)));
            ImportSummary.Write(report, definedMissingMeasures: true);
            return report.Fatal ? 1 : report.RowsRejected > 0 || report.ChecksMismatched > 0 ? 2 : 0;
        }));
        return command;
    }

    private static CallOptions As(GatewayConnection gateway, ParseResult parse, ConnectionOptions connection, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        gateway.As(parse.GetValue(connection.Organisation)!, parse.GetValue(connection.Roles)!, cancellationToken, timeout);

    private static async Task<string> ReadAsync(FileInfo file, CancellationToken cancellationToken) =>
        file.Exists ? await File.ReadAllTextAsync(file.FullName, cancellationToken) : throw new CliException($"{file.FullName} does not exist.");

    private static void WriteMeasures(ImportMapping mapping)
    {
        foreach (var measure in mapping.Measures)
        {
            AnsiConsole.MarkupLineInterpolated($"  measure [bold]{measure.MeasureId}[/] ({measure.Unit}){(measure.Title.Length > 0 ? ": " + measure.Title : string.Empty)}");
        }
    }
}
