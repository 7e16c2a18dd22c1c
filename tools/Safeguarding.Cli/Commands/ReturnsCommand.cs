using System.CommandLine;
using Safeguarding.Measures.V1;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// `returns`: datasets returned per period through the gateway (issue 17) — an agency submits its return, the
/// partnership approves its agencies' (in bulk) and its own, the region accepts, anyone above reopens with a reason;
/// status shows every return below the organisation with its timeliness, violations lists a return's validation
/// problems (every one, page by page). Steps act for the signed-in organisation (--organisation).
/// </summary>
internal static class ReturnsCommand
{
    public static Command Create()
    {
        var command = new Command("returns", "Submit, approve, accept and reopen dataset returns; see their status and validation problems.");
        command.Subcommands.Add(Submit());
        command.Subcommands.Add(Approve());
        command.Subcommands.Add(Accept());
        command.Subcommands.Add(Reopen());
        command.Subcommands.Add(Status());
        command.Subcommands.Add(Violations());
        return command;
    }

    private static Option<string> DatasetOption() => new("--dataset") { Description = "The dataset.", DefaultValueFactory = _ => "london-common" };

    private static Option<string> PeriodOption() => new("--period") { Description = "The return's period code, e.g. 2025-04/P3M (April to June 2025).", Required = true };

    private static Command Submit()
    {
        var dataset = DatasetOption();
        var period = PeriodOption();
        return Define("submit", "Submit the organisation's own return (validated first: an unexplained blocking violation stops it).", [], [dataset, period], async (parse, returns, options, organisation) =>
        {
            var submitted = await returns.SubmitReturnAsync(new SubmitReturnRequest { OrganisationCode = organisation, DatasetId = parse.GetValue(dataset)!, Period = Period(parse, period) }, options);
            Write([submitted]);
        });
    }

    private static Command Approve()
    {
        var dataset = DatasetOption();
        var period = PeriodOption();
        var codes = new Argument<string[]>("organisations") { Description = "The returns' organisations: the partnership's agencies and/or the partnership itself.", Arity = ArgumentArity.OneOrMore };
        return Define("approve", "Approve returns as the partnership, all or nothing (agencies before the partnership's own).", [codes], [dataset, period], async (parse, returns, options, _) =>
        {
            var approved = await returns.ApproveReturnsAsync(new ApproveReturnsRequest { DatasetId = parse.GetValue(dataset)!, Period = Period(parse, period), OrganisationCodes = { parse.GetValue(codes)! } }, options);
            Write(approved.Returns);
        });
    }

    private static Command Accept()
    {
        var dataset = DatasetOption();
        var period = PeriodOption();
        var codes = new Argument<string[]>("organisations") { Description = "The approved returns' organisations.", Arity = ArgumentArity.OneOrMore };
        return Define("accept", "Accept approved returns as the region (role region-analyst), all or nothing.", [codes], [dataset, period], async (parse, returns, options, _) =>
        {
            var accepted = await returns.AcceptReturnsAsync(new AcceptReturnsRequest { DatasetId = parse.GetValue(dataset)!, Period = Period(parse, period), OrganisationCodes = { parse.GetValue(codes)! } }, options);
            Write(accepted.Returns);
        });
    }

    private static Command Reopen()
    {
        var dataset = DatasetOption();
        var period = PeriodOption();
        var code = new Argument<string>("organisation") { Description = "The return's organisation." };
        var reason = new Option<string>("--reason") { Description = "Why (no names or other personal details).", Required = true };
        return Define("reopen", "Reopen a return with a reason; sign-offs above it go back to submitted.", [code], [dataset, period, reason], async (parse, returns, options, _) =>
        {
            var reopened = await returns.ReopenReturnAsync(new ReopenReturnRequest
            {
                OrganisationCode = parse.GetValue(code)!, DatasetId = parse.GetValue(dataset)!, Period = Period(parse, period), Reason = parse.GetValue(reason)!,
            }, options);
            Write(reopened.Returns);
        });
    }

    private static Command Status()
    {
        var dataset = DatasetOption();
        var period = PeriodOption();
        return Define("status", "The returns of the organisation and every organisation below it: state, due date, timeliness.", [], [dataset, period], async (parse, returns, options, _) =>
        {
            var listed = await returns.ListReturnsAsync(new ListReturnsRequest { DatasetId = parse.GetValue(dataset)!, Period = Period(parse, period) }, options);
            Write(listed.Returns);
        });
    }

    private static Command Violations()
    {
        var dataset = DatasetOption();
        var period = PeriodOption();
        var code = new Argument<string>("organisation") { Description = "The return's organisation." };
        return Define("violations", "Every validation problem of a return (validated now), with its status.", [code], [dataset, period], async (parse, returns, options, _) =>
        {
            var key = (Organisation: parse.GetValue(code)!, Dataset: parse.GetValue(dataset)!, Period: Period(parse, period));
            await returns.ValidateReturnAsync(new ValidateReturnRequest { OrganisationCode = key.Organisation, DatasetId = key.Dataset, Period = key.Period }, options);
            var token = string.Empty;
            var count = 0;
            do
            {
                var page = await returns.ListViolationsAsync(new ListViolationsRequest { OrganisationCode = key.Organisation, DatasetId = key.Dataset, Period = key.Period, PageSize = 500, PageToken = token }, options);
                foreach (var v in page.Violations)
                {
                    count++;
                    Console.Out.WriteLine($"#{v.Id}  {Words(v.Status.ToString())}{(v.Blocking ? " (blocking)" : string.Empty)}  {v.RuleId}: {v.Message}");
                }

                token = page.NextPageToken;
            }
            while (token.Length > 0);

            Console.Out.WriteLine($"{count} violation(s)");
        });
    }

    private static Measures.V1.Period Period(ParseResult parse, Option<string> period) => new() { Code = parse.GetValue(period)! };

    private static void Write(IEnumerable<Return> returns)
    {
        foreach (var r in returns)
        {
            Console.Out.WriteLine($"{r.OrganisationCode,-14} {r.DatasetId} {r.Period.Label,-24} {Words(r.State.ToString()),-10} due {r.DueOn}  {Words(r.Timeliness.ToString())}");
        }
    }

    // "NotYetDue" → "not yet due".
    private static string Words(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static Command Define(
        string name, string description, Argument[] arguments, Option[] options, Func<ParseResult, ReturnsService.ReturnsServiceClient, Grpc.Core.CallOptions, string, Task> work) =>
        GatewayCommand.Define(name, description, arguments, options, Gateway.Auth.Roles.Analyst, channel => new ReturnsService.ReturnsServiceClient(channel), work);
}
