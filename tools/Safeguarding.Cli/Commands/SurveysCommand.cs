using System.CommandLine;
using System.Globalization;
using Google.Protobuf;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Safeguarding.Cli.Connect;
using Safeguarding.Surveys.V1;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// `surveys`: an organisation's survey admin through the gateway — load and save XLSForms, open a wave, issue
/// one-time codes (and a printable sheet), close a wave, see its results, export its responses.
/// </summary>
internal static class SurveysCommand
{
    public static Command Create()
    {
        var command = new Command("surveys", "Run surveys: XLSForm questionnaires, waves, invitations, results and exports (role survey-admin).");
        command.Subcommands.Add(Import());
        command.Subcommands.Add(Export());
        command.Subcommands.Add(Wave());
        command.Subcommands.Add(Invite());
        command.Subcommands.Add(Close());
        command.Subcommands.Add(Results());
        command.Subcommands.Add(Responses());
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("file") { Description = "The XLSForm (.xlsx: survey, choices and optional settings sheets)." };
        var id = new Option<string>("--id") { Description = "Questionnaire id (default: the settings sheet's form_id)." };
        var audience = new Option<Audience>("--audience") { Description = "Who it is for (default: the settings sheet's audience)." };
        return Define("import-xlsform", "Load an XLSForm as a new questionnaire version; every problem is listed by cell and nothing is stored.", [file], [id, audience], async (parse, surveys, options) =>
        {
            var source = parse.GetValue(file)!;
            var saved = await surveys.ImportXlsFormAsync(new ImportXlsFormRequest
            {
                Xlsx = ByteString.CopyFrom(await File.ReadAllBytesAsync(source.FullName)),
                FileName = source.Name,
                QuestionnaireId = parse.GetValue(id) ?? string.Empty,
                Audience = parse.GetValue(audience),
            }, options);
            AnsiConsole.MarkupLineInterpolated($"Saved [bold]{saved.QuestionnaireId}[/] version {saved.Version}: {saved.Sections.Sum(s => s.Questions.Count)} questions.");
            foreach (var note in saved.WordingNotes)
            {
                AnsiConsole.MarkupLineInterpolated($"  wording, {note.QuestionName}: {note.Note}");
            }
        });
    }

    private static Command Export()
    {
        var id = new Argument<string>("questionnaire") { Description = "Questionnaire id (built-in ones too, e.g. parent-closure)." };
        var output = new Option<FileInfo?>("--out") { Description = "Where to write the .xlsx (default: <id>-v<version>.xlsx here)." };
        return Define("export-xlsform", "Write a questionnaire as an XLSForm.", [id], [output], async (parse, surveys, options) =>
        {
            var exported = await surveys.ExportXlsFormAsync(new ExportXlsFormRequest { QuestionnaireId = parse.GetValue(id)! }, options);
            var target = parse.GetValue(output) ?? new FileInfo(exported.FileName);
            await File.WriteAllBytesAsync(target.FullName, exported.Xlsx.ToByteArray());
            AnsiConsole.MarkupLineInterpolated($"Wrote {target.FullName}");
        });
    }

    private static Command Wave()
    {
        var questionnaire = new Option<string>("--questionnaire", "-q") { Description = "Questionnaire id.", Required = true };
        var kind = new Option<WaveKind>("--kind") { Description = "Closure, SixMonths, TwelveMonths, AnnualStaff or AdHoc.", DefaultValueFactory = _ => WaveKind.AdHoc };
        var title = new Option<string>("--title") { Description = "What respondents see.", Required = true };
        var days = new Option<int>("--days") { Description = "Open from now for this many days.", DefaultValueFactory = _ => 28 };
        var anonymity = new Option<Anonymity>("--anonymity") { Description = "Anonymous or Pseudonymous.", DefaultValueFactory = _ => Anonymity.Anonymous };
        var period = new Option<string>("--period") { Description = "The measures period its figures are for, e.g. 2026-10/P3M.", Required = true };
        return Define("wave", "Open a wave of a questionnaire.", [], [questionnaire, kind, title, days, anonymity, period], async (parse, surveys, options) =>
        {
            var now = DateTime.UtcNow;
            var wave = await surveys.CreateWaveAsync(new CreateWaveRequest
            {
                QuestionnaireId = parse.GetValue(questionnaire)!, Kind = parse.GetValue(kind), Title = parse.GetValue(title)!, Anonymity = parse.GetValue(anonymity),
                PeriodCode = parse.GetValue(period)!, OpensAt = Timestamp.FromDateTime(now), ClosesAt = Timestamp.FromDateTime(now.AddDays(parse.GetValue(days))),
            }, options);
            AnsiConsole.WriteLine(wave.WaveId);
        });
    }

    private static Command Invite()
    {
        var wave = new Argument<string>("wave") { Description = "Wave id." };
        var count = new Option<int>("--count", "-n") { Description = "How many codes (anonymous waves).", DefaultValueFactory = _ => 0 };
        var references = new Option<string[]>("--reference") { Description = "Follow-up references, one code each (pseudonymous waves).", AllowMultipleArgumentsPerToken = true };
        var print = new Option<FileInfo?>("--print") { Description = "Also write a printable sheet (HTML, QR codes) here. The codes are not kept: print them now." };
        return Define("invite", "Issue one-time invitation codes and print them.", [wave], [count, references, print], async (parse, surveys, options) =>
        {
            var sheet = parse.GetValue(print);
            var issued = await surveys.IssueInvitationsAsync(new IssueInvitationsRequest
            {
                WaveId = parse.GetValue(wave)!, Count = parse.GetValue(count), FollowUpReferences = { parse.GetValue(references) ?? [] }, Printable = sheet is not null,
            }, options);
            foreach (var invitation in issued.Invitations)
            {
                AnsiConsole.WriteLine($"{invitation.Code}  {invitation.LinkPath}");
            }

            if (sheet is not null)
            {
                await File.WriteAllBytesAsync(sheet.FullName, issued.PrintableHtml.ToByteArray());
                AnsiConsole.MarkupLineInterpolated($"Printable sheet: {sheet.FullName}");
            }
        });
    }

    private static Command Close()
    {
        var wave = new Argument<string>("wave") { Description = "Wave id." };
        return Define("close", "Close a wave: its results are fixed and its figures go to measures.", [wave], [], async (parse, surveys, options) =>
        {
            var closed = await surveys.CloseWaveAsync(new CloseWaveRequest { WaveId = parse.GetValue(wave)! }, options);
            AnsiConsole.MarkupLineInterpolated($"Closed {closed.WaveId}: {closed.Responses} of {closed.InvitationsIssued} answered.");
        });
    }

    private static Command Results()
    {
        var wave = new Argument<string>("wave") { Description = "Wave id." };
        return Define("results", "A wave's results: linked questions with Wilson 95% intervals (suppressed outside the organisation below the minimum).", [wave], [], async (parse, surveys, options) =>
        {
            var results = await surveys.GetWaveResultsAsync(new GetWaveResultsRequest { WaveId = parse.GetValue(wave)! }, options);
            var table = new Table().AddColumns("question", "measure", "positive", "95% interval");
            foreach (var q in results.Questions.Where(q => q.MeasureId.Length > 0))
            {
                table.AddRow(
                    Markup.Escape(q.Label), Markup.Escape(q.MeasureId),
                    q.Positive.Suppressed ? Markup.Escape("suppressed: " + q.Positive.SuppressionReason) : $"{q.Positive.Numerator}/{q.Positive.Denominator} ({q.Positive.Value.ToString("P0", CultureInfo.InvariantCulture)})",
                    q.Positive.Suppressed ? string.Empty : $"{q.Positive.Lower.ToString("P0", CultureInfo.InvariantCulture)} to {q.Positive.Upper.ToString("P0", CultureInfo.InvariantCulture)}");
            }

            AnsiConsole.Write(table);
            var rate = results.ResponseRate;
            AnsiConsole.WriteLine(rate.Suppressed ? "response rate suppressed" : $"response rate {rate.Numerator}/{rate.Denominator}");
        });
    }

    private static Command Responses()
    {
        var wave = new Argument<string>("wave") { Description = "Wave id." };
        var json = new Option<bool>("--json") { Description = "JSON instead of CSV." };
        var output = new Option<FileInfo?>("--out") { Description = "Where to write it (default: the service's file name, here)." };
        return Define("export-responses", "Export a wave's responses (inside its organisation only; audited by the gateway).", [wave], [json, output], async (parse, surveys, options) =>
        {
            var exported = await surveys.ExportResponsesAsync(new ExportResponsesRequest { WaveId = parse.GetValue(wave)!, Format = parse.GetValue(json) ? ExportFormat.Json : ExportFormat.Csv }, options);
            var target = parse.GetValue(output) ?? new FileInfo(exported.FileName);
            await File.WriteAllBytesAsync(target.FullName, exported.Content.ToByteArray());
            AnsiConsole.MarkupLineInterpolated($"Wrote {exported.Responses} responses to {target.FullName}");
        });
    }

    private static Command Define(
        string name, string description, Argument[] arguments, Option[] options, Func<ParseResult, SurveysService.SurveysServiceClient, Grpc.Core.CallOptions, Task> work) =>
        GatewayCommand.Define(name, description, arguments, options, Gateway.Auth.Roles.SurveyAdmin, channel => new SurveysService.SurveysServiceClient(channel),
            (parse, service, call, _) => work(parse, service, call));
}
