using System.CommandLine;
using Safeguarding.Cli.Connect;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.V1;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary>`report quarterly|book`: draft an organisation's report through the gateway and save it as HTML or PDF.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var command = new Command("report", "Draft a report for an organisation through the gateway and save it.");
        command.Subcommands.Add(Kind("quarterly", "The quarterly \"How are we doing?\" report, e.g. --period 2026-01/P3M.", (organisation, period) => new GenerateQuarterlyReportRequest
        {
            OrganisationCode = organisation,
            PeriodCode = period,
            Options = new QuarterlyReportOptions { Purpose = "Quarterly assurance to the partnership board." },
            View = ReportView.Basic, // The file is fetched next: the document itself is not needed.
        }, (client, r, o) => client.GenerateQuarterlyReportAsync(r, o)));
        command.Subcommands.Add(Kind("book", "The annual Report Book for a financial year, e.g. --period 2025-04/P12M.", (organisation, period) => new GenerateReportBookRequest
        {
            OrganisationCode = organisation,
            PeriodCode = period,
            View = ReportView.Basic,
        }, (client, r, o) => client.GenerateReportBookAsync(r, o)));
        return command;
    }

    private static Command Kind<TRequest>(string name, string description, Func<string, string, TRequest> request, Func<ReportingService.ReportingServiceClient, TRequest, CallOptions, AsyncUnaryCall<GenerateReportResponse>> generate)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>
    {
        var period = new Option<string>("--period", "-p") { Description = "The period code.", Required = true };
        var format = new Option<string>("--format") { Description = "html or pdf.", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong("html", "pdf");
        var output = new Option<FileInfo?>("--out") { Description = "Where to save it (default: out/<organisation>-<name>-<report id>.<format>)." };
        var connection = new ConnectionOptions();
        var command = new Command(name, description);
        command.Options.Add(period);
        command.Options.Add(format);
        command.Options.Add(output);
        connection.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandOutcome.RunAsync(async () =>
        {
            var organisation = parse.GetValue(connection.Organisation)!;
            var roles = parse.GetValue(connection.Roles)!;
            using var gateway = connection.Open(parse);
            var drafted = await generate(gateway.Reporting, request(organisation, parse.GetValue(period)!), gateway.As(organisation, roles, cancellationToken));
            var id = drafted.Report.Id;
            var file = parse.GetValue(format) == "pdf"
                ? await gateway.Reporting.GetReportPdfAsync(new GetReportPdfRequest { ReportId = id }, gateway.As(organisation, roles, cancellationToken))
                : await gateway.Reporting.GetReportHtmlAsync(new GetReportHtmlRequest { ReportId = id }, gateway.As(organisation, roles, cancellationToken));
            var target = parse.GetValue(output) ?? new FileInfo(Path.Combine("out", $"{organisation}-{name}-{id}.{parse.GetValue(format)}"));
            target.Directory?.Create();
            await File.WriteAllBytesAsync(target.FullName, file.Content.ToByteArray(), cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"[green]✓[/] Drafted report {id} ({drafted.Report.Title}) and saved it to {target.FullName}");
            return 0;
        }));
        return command;
    }
}
