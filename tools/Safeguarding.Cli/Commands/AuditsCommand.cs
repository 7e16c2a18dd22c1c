using System.CommandLine;
using System.Globalization;
using Grpc.Core;
using Safeguarding.Audits.V1;
using Safeguarding.Cli.Connect;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// `audits`: an organisation's case-record auditing through the gateway — the tool library, adopting a tool,
/// starting a programme, recording and moderating case audits, a programme's results (grades per criterion,
/// agreement with Cohen's kappa, completion), closing it (its figures go to measures) and exporting everything.
/// Output is plain lines (ids first), so nothing wraps mid-id and scripts can read it; errors go through
/// <see cref="CommandOutcome"/>, which names the field at fault.
/// </summary>
internal static class AuditsCommand
{
    public static Command Create()
    {
        var command = new Command("audits", "Run case-record audits: tools, programmes, case audits with moderation, results, close and export (role auditor).");
        command.Subcommands.Add(Tools());
        command.Subcommands.Add(Adopt());
        command.Subcommands.Add(Start());
        command.Subcommands.Add(Programmes());
        command.Subcommands.Add(Audit());
        command.Subcommands.Add(Moderate());
        command.Subcommands.Add(Results());
        command.Subcommands.Add(Close());
        command.Subcommands.Add(Export());
        return command;
    }

    private static Command Tools()
    {
        var library = new Option<bool>("--library") { Description = "The built-in library instead of the organisation's own tools." };
        return Define("tools", "List the organisation's audit tools (or the built-in library).", [], [library], async (parse, audits, options) =>
        {
            var tools = parse.GetValue(library)
                ? (await audits.ListLibraryToolsAsync(new ListLibraryToolsRequest(), options)).Tools
                : (await audits.ListToolsAsync(new ListToolsRequest(), options)).Tools;
            // One plain line per tool (no table): nothing wraps mid-id in a narrow or redirected terminal.
            foreach (var tool in tools)
            {
                var criteria = tool.Sections.SelectMany(s => s.Criteria).ToList();
                Console.WriteLine($"{tool.ToolId} v{Number(tool.Version)}  {tool.Title}  ({Number(criteria.Count)} criteria, "
                    + $"{Number(criteria.Count(c => c.MeasureLink is not null))} linked to measures, {(tool.MultiAgency ? "multi-agency" : "single-agency")})");
            }
        });
    }

    private static Command Adopt()
    {
        var tool = new Argument<string>("library-tool") { Description = "The library tool's id (see `audits tools --library`), e.g. case-file." };
        var id = new Option<string?>("--id") { Description = "The organisation's id for its copy (default: the library id)." };
        return Define("adopt", "Adopt a library tool as the organisation's own (version 1, or the current version if unchanged).", [tool], [id], async (parse, audits, options) =>
        {
            var adopted = await audits.AdoptToolAsync(new AdoptToolRequest { LibraryToolId = parse.GetValue(tool)!, ToolId = parse.GetValue(id) ?? string.Empty }, options);
            Console.WriteLine($"Adopted {adopted.ToolId} version {adopted.Version}: {adopted.Sections.Sum(s => s.Criteria.Count)} criteria.");
        });
    }

    private static Command Start()
    {
        var tool = new Option<string>("--tool") { Description = "The organisation's tool id.", Required = true };
        var title = new Option<string>("--title") { Description = "The programme's title.", Required = true };
        var kind = new Option<ProgrammeKind>("--kind") { Description = "Continuous (N cases per unit per month) or Specific (an exercise with a case list).", DefaultValueFactory = _ => ProgrammeKind.Continuous };
        var from = new Option<string>("--from") { Description = "First month, e.g. 2025-04.", Required = true };
        var to = new Option<string>("--to") { Description = "Last month (the programme is a month, quarter, half year or year), e.g. 2025-06.", Required = true };
        var perMonth = new Option<int>("--cases-per-month") { Description = "Continuous: cases per unit per month." };
        var units = new Option<string[]>("--unit") { Description = "Continuous: the teams or localities.", AllowMultipleArgumentsPerToken = true };
        var sampling = new Option<SamplingRule>("--sampling") { Description = "Continuous: Random, StratifiedByTeam or Themed.", DefaultValueFactory = _ => SamplingRule.Random };
        var deadline = new Option<string?>("--deadline") { Description = "Specific: the deadline (ISO date)." };
        var theme = new Option<string?>("--theme") { Description = "Specific: the theme." };
        var participants = new Option<string[]>("--participant") { Description = "Specific: participating agencies' codes.", AllowMultipleArgumentsPerToken = true };
        var cases = new Option<string[]>("--case") { Description = "Specific: a listed case as LABEL=REFERENCE (the reference becomes a keyed pseudonym).", AllowMultipleArgumentsPerToken = true };
        var moderation = new Option<double>("--moderation-sample") { Description = "Fraction of audits a moderator grades (0 to 1).", DefaultValueFactory = _ => 0.2 };
        return Define("start", "Start a programme of case audits with one of the organisation's tools.", [],
            [tool, title, kind, from, to, perMonth, units, sampling, deadline, theme, participants, cases, moderation], async (parse, audits, options) =>
        {
            var listed = new List<CaseToAdd>();
            foreach (var given in parse.GetValue(cases) ?? [])
            {
                var (label, reference) = Pair(given, "--case", "LABEL=REFERENCE");
                listed.Add(new CaseToAdd { CaseLabel = label, CaseReference = reference });
            }

            var programme = await audits.CreateProgrammeAsync(new CreateProgrammeRequest
            {
                Programme = new AuditProgramme
                {
                    ToolId = parse.GetValue(tool)!, Title = parse.GetValue(title)!, Kind = parse.GetValue(kind), StartMonth = parse.GetValue(from)!, EndMonth = parse.GetValue(to)!,
                    CasesPerMonth = parse.GetValue(perMonth), Units = { parse.GetValue(units) ?? [] }, SamplingRule = parse.GetValue(kind) == ProgrammeKind.Continuous ? parse.GetValue(sampling) : SamplingRule.Unspecified,
                    Deadline = parse.GetValue(deadline) ?? string.Empty, Theme = parse.GetValue(theme) ?? string.Empty,
                    ParticipatingOrganisations = { parse.GetValue(participants) ?? [] }, ModerationSample = parse.GetValue(moderation),
                },
            }, options);
            if (listed.Count > 0)
            {
                programme = await audits.AddProgrammeCasesAsync(new AddProgrammeCasesRequest { ProgrammeId = programme.ProgrammeId, Cases = { listed } }, options);
            }

            Console.WriteLine($"Started {programme.ProgrammeId}: {programme.Title} ({programme.ToolId} v{programme.ToolVersion}, {programme.StartMonth} to {programme.EndMonth}{(programme.Cases.Count > 0 ? $", {programme.Cases.Count} cases" : "")}).");
        });
    }

    private static Command Programmes() =>
        Define("programmes", "List the programmes the organisation leads or takes part in.", [], [], async (parse, audits, options) =>
        {
            foreach (var p in (await audits.ListProgrammesAsync(new ListProgrammesRequest(), options)).Programmes)
            {
                Console.WriteLine($"{p.ProgrammeId}  {p.Status}{(p.TimesClosed > 1 ? $" ({Number(p.TimesClosed)} times)" : "")}  {p.Kind}  {p.ToolId} v{Number(p.ToolVersion)}  "
                    + $"{p.StartMonth} to {p.EndMonth}  lead {p.OrganisationCode}  {p.Title}");
            }
        });

    private static Command Audit()
    {
        var programme = new Argument<string>("programme") { Description = "Programme id." };
        var reference = new Option<string>("--case-reference") { Description = "The organisation's own case reference (only its keyed pseudonym is kept).", Required = true };
        var label = new Option<string?>("--label") { Description = "Specific exercise: the listed case's label, e.g. \"Case A\"." };
        var month = new Option<string?>("--month") { Description = "The month audited, e.g. 2025-05 (continuous programmes)." };
        var unit = new Option<string?>("--unit") { Description = "The team or locality (continuous programmes)." };
        var auditorRole = new Option<string?>("--auditor-role") { Description = "e.g. \"team manager\"." };
        var answers = AnswersOption("An answer as CRITERION=VALUE (YES, PARTLY, NO, NOT_APPLICABLE; OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE; a number; text).");
        var finalise = new Option<bool>("--finalise") { Description = "Make it final straight away (no moderation)." };
        return Define("audit", "Record a case audit: start it, save the answers and submit it (or make it final).", [programme],
            [reference, label, month, unit, auditorRole, answers, finalise], async (parse, audits, options) =>
        {
            var given = Answers(parse.GetValue(answers));
            var audit = await audits.StartCaseAuditAsync(new StartCaseAuditRequest
            {
                ProgrammeId = parse.GetValue(programme)!, CaseReference = parse.GetValue(reference)!, CaseLabel = parse.GetValue(label) ?? string.Empty,
                Month = parse.GetValue(month) ?? string.Empty, Unit = parse.GetValue(unit) ?? string.Empty, AuditorRole = parse.GetValue(auditorRole) ?? string.Empty,
            }, options);
            try
            {
                await audits.SaveCaseAuditAsync(new SaveCaseAuditRequest { CaseAuditId = audit.CaseAuditId, Answers = { given } }, options);
                audit = await audits.SubmitCaseAuditAsync(new SubmitCaseAuditRequest { CaseAuditId = audit.CaseAuditId }, options);
            }
            catch (RpcException)
            {
                Console.WriteLine($"The draft {audit.CaseAuditId} is kept: it can be completed where audits are edited.");
                throw;
            }

            if (parse.GetValue(finalise))
            {
                audit = await audits.FinaliseCaseAuditAsync(new FinaliseCaseAuditRequest { CaseAuditId = audit.CaseAuditId }, options);
            }

            Console.WriteLine($"{audit.CaseAuditId} {audit.Status.ToString().ToLowerInvariant()} ({audit.CasePseudonym}, {audit.Answers.Count} answers).");
        });
    }

    private static Command Moderate()
    {
        var audit = new Argument<string>("case-audit") { Description = "Case audit id (submitted)." };
        var answers = AnswersOption("The moderator's grade as CRITERION=VALUE (graded and yes/partly/no criteria).");
        var note = new Option<string?>("--note") { Description = "Moderation note." };
        var finalise = new Option<bool>("--finalise") { Description = "Make it final after moderating." };
        return Define("moderate", "Moderate a submitted case audit as a second auditor: both grades are kept, the moderated one counts.", [audit], [answers, note, finalise], async (parse, audits, options) =>
        {
            var moderated = await audits.ModerateCaseAuditAsync(new ModerateCaseAuditRequest
            {
                CaseAuditId = parse.GetValue(audit)!, Answers = { Answers(parse.GetValue(answers)) }, ModerationNote = parse.GetValue(note) ?? string.Empty,
            }, options);
            if (parse.GetValue(finalise))
            {
                moderated = await audits.FinaliseCaseAuditAsync(new FinaliseCaseAuditRequest { CaseAuditId = moderated.CaseAuditId }, options);
            }

            var changed = moderated.Answers.Count(a => a.ModeratedValue.Length > 0 && a.ModeratedValue != a.Value);
            Console.WriteLine($"{moderated.CaseAuditId} {moderated.Status.ToString().ToLowerInvariant()}: {changed} grade(s) changed by moderation.");
        });
    }

    private static Command Results()
    {
        var programme = new Argument<string>("programme") { Description = "Programme id." };
        var from = new Option<string?>("--from") { Description = "First month to include, e.g. 2025-04." };
        var to = new Option<string?>("--to") { Description = "Last month to include." };
        var organisation = new Option<string?>("--agency") { Description = "Lead only: one participating agency's results." };
        return Define("results", "A programme's results: answers per criterion (moderated where moderated), linked figures, agreement (Cohen's kappa) and completion.",
            [programme], [from, to, organisation], async (parse, audits, options) =>
        {
            var id = parse.GetValue(programme)!;
            var results = await audits.GetProgrammeResultsAsync(new GetProgrammeResultsRequest
            {
                ProgrammeId = id, FromMonth = parse.GetValue(from) ?? string.Empty, ToMonth = parse.GetValue(to) ?? string.Empty, OrganisationCode = parse.GetValue(organisation) ?? string.Empty,
            }, options);
            var agreement = (await audits.GetModerationAgreementAsync(new GetModerationAgreementRequest { ProgrammeId = id }, options)).Criteria
                .ToDictionary(c => c.CriterionId, StringComparer.Ordinal);
            Console.WriteLine($"{results.ProgrammeId} ({results.ToolId} v{results.ToolVersion}): {results.AuditsCounted} final audits counted"
                + (results.DisclosureControlled ? $" (read from outside the organisation: counts below {Number(results.SuppressionThreshold)}, and what would give them away, suppressed)." : "."));
            // One plain line per criterion: answers (moderated where moderated), the linked measure's figure, agreement.
            foreach (var criterion in results.Criteria)
            {
                var line = new List<string>
                {
                    criterion.Counts.Count > 0 ? string.Join(" · ", criterion.Counts.Select(c => $"{c.Value} {(c.Suppressed ? "suppressed" : Number(c.Count))}")) : $"{Number(criterion.Answered)} answered",
                };
                if (criterion.MeasureId.Length > 0)
                {
                    line.Add(criterion.FigureSuppressed ? $"{criterion.MeasureId}: suppressed" : $"{criterion.MeasureId}: {Number(criterion.Numerator)}/{Number(criterion.Denominator)}");
                }

                if (agreement.GetValueOrDefault(criterion.CriterionId) is { Suppressed: true })
                {
                    line.Add("moderation: suppressed");
                }
                else if (agreement.GetValueOrDefault(criterion.CriterionId) is { Pairs: > 0 } pairs)
                {
                    line.Add($"moderation: {Number(pairs.Agreed)} of {Number(pairs.Pairs)} agreed, kappa {(pairs.HasKappa ? pairs.Kappa.ToString("0.00", CultureInfo.InvariantCulture) : "n/a")}");
                }

                Console.WriteLine($"  {criterion.CriterionId}  {string.Join("  |  ", line)}");
            }

            foreach (var theme in results.Themes)
            {
                Console.WriteLine($"  theme {theme.ContentAreaId}: {(theme.Suppressed ? "suppressed" : Number(theme.Findings) + " findings")}");
            }

            var c = results.Completion;
            Console.WriteLine($"completion: {c.Done} of {c.Due} done, {c.Overdue} overdue, {c.InProgress} in progress");
            if (results.PreviousProgrammeId.Length > 0)
            {
                Console.WriteLine($"previous programme on this tool version: {results.PreviousProgrammeId}");
            }
        });
    }

    private static Command Close()
    {
        var programme = new Argument<string>("programme") { Description = "Programme id." };
        var reason = new Option<string?>("--reason") { Description = "Why its figures are replaced (required when closing again)." };
        return Define("close", "Close a programme: its linked measures get their figures (a re-close corrects them).", [programme], [reason], async (parse, audits, options) =>
        {
            var closed = await audits.CloseProgrammeAsync(new CloseProgrammeRequest { ProgrammeId = parse.GetValue(programme)!, CorrectionReason = parse.GetValue(reason) ?? string.Empty }, options);
            Console.WriteLine($"Closed {closed.Programme.ProgrammeId} ({closed.Programme.TimesClosed} time(s)): {closed.AuditsCounted} final audits, {closed.FiguresPublished} figures handed to measures.");
        });
    }

    private static Command Export()
    {
        var json = new Option<bool>("--json") { Description = "One JSON document instead of CSV files." };
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder to write to.", DefaultValueFactory = _ => new DirectoryInfo(".") };
        return Define("export", "Export everything the organisation holds (tools, programmes, case audits, answers) as CSV or JSON files.", [], [json, output], async (parse, audits, options) =>
        {
            var exported = await audits.ExportOrganisationDataAsync(new ExportOrganisationDataRequest { Format = parse.GetValue(json) ? ExportFormat.Json : ExportFormat.Csv }, options);
            var folder = parse.GetValue(output)!;
            folder.Create();
            foreach (var file in exported.Files)
            {
                var target = Path.Combine(folder.FullName, Path.GetFileName(file.Name));
                await File.WriteAllBytesAsync(target, file.Content.ToByteArray());
                Console.WriteLine($"Wrote {target}");
            }
        });
    }

    private static Option<string[]> AnswersOption(string description) =>
        new("--answer", "-a") { Description = description, AllowMultipleArgumentsPerToken = true, Required = true };

    private static IEnumerable<Answer> Answers(string[]? given) =>
        (given ?? []).Select(a => Pair(a, "--answer", "CRITERION=VALUE")).Select(p => new Answer { CriterionId = p.Key, Value = p.Value });

    private static (string Key, string Value) Pair(string given, string option, string shape)
    {
        var at = given.IndexOf('=', StringComparison.Ordinal);
        return at > 0 ? (given[..at].Trim(), given[(at + 1)..].Trim()) : throw new CliException($"{option} '{given}' is not {shape}.");
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static Command Define(
        string name, string description, Argument[] arguments, Option[] options, Func<ParseResult, AuditsService.AuditsServiceClient, CallOptions, Task> work) =>
        GatewayCommand.Define(name, description, arguments, options, Gateway.Auth.Roles.Auditor, channel => new AuditsService.AuditsServiceClient(channel),
            (parse, service, call, _) => work(parse, service, call));
}
