using System.CommandLine;
using System.Globalization;
using Google.Protobuf;
using Safeguarding.CaseReviews.V1;
using Safeguarding.Cli.Connect;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// `casereviews`: a partnership's review coordinator through the gateway — notify a serious incident, list reviews
/// with their statutory clocks, record a milestone or the rapid review's decision, add an action and update its
/// status, show the dashboard, export the partnership's records. Refusals print the field at fault.
/// </summary>
internal static class CaseReviewsCommand
{
    public static Command Create()
    {
        var command = new Command("casereviews", "Run case reviews: notifications, rapid reviews on their working-day clocks, decisions, actions, the dashboard and exports (role review-coordinator).");
        command.Subcommands.Add(Notify());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Summary());
        command.Subcommands.Add(Milestone());
        command.Subcommands.Add(DecisionCommand());
        command.Subcommands.Add(FindingCommand());
        command.Subcommands.Add(Recommend());
        var action = new Command("action", "Add an action to a recommendation, or update an action's status.");
        action.Subcommands.Add(AddAction());
        action.Subcommands.Add(UpdateAction());
        command.Subcommands.Add(action);
        command.Subcommands.Add(DashboardCommand());
        command.Subcommands.Add(Export());
        return command;
    }

    private static Command Notify()
    {
        var child = new Option<string>("--child") { Description = "A pseudonymous label such as \"Child Q\" (never a name).", Required = true };
        var age = new Option<string>("--age-band") { Description = "under-1, 1-to-4, 5-to-9, 10-to-15, 16-to-17 or 18-and-over.", Required = true };
        var harm = new Option<string>("--harm") { Description = "death or serious-harm.", Required = true };
        var abuse = new Option<string[]>("--abuse") { Description = "Suspected abuse categories: neglect, physical, sexual, emotional, criminal-exploitation, sexual-exploitation, extra-familial-harm.", AllowMultipleArgumentsPerToken = true };
        var aware = new Option<string>("--aware") { Description = "The day the authority became aware (YYYY-MM-DD).", Required = true };
        var notified = new Option<string>("--notified") { Description = "The day the Panel was notified (YYYY-MM-DD).", Required = true };
        var residence = new Option<string?>("--residence") { Description = "A cross-border case's authority of residence (its code)." };
        var inCare = new Option<bool>("--in-care") { Description = "The child was looked after." };
        var title = new Option<string?>("--title") { Description = "A title (default: \"Rapid review: <child>\")." };
        return Define("notify", "Notify a serious incident: opens its rapid review on the 15-working-day clock. The organisation is where the incident happened.",
            [], [child, age, harm, abuse, aware, notified, residence, inCare, title], async (parse, reviews, options, organisation) =>
        {
            var review = await reviews.NotifyIncidentAsync(new NotifyIncidentRequest
            {
                IncidentAuthorityCode = organisation,
                ResidenceAuthorityCode = parse.GetValue(residence) ?? string.Empty,
                ChildReference = parse.GetValue(child)!,
                AgeBand = Choice<AgeBand>("--age-band", parse.GetValue(age)!),
                HarmType = Choice<HarmType>("--harm", parse.GetValue(harm)!),
                AbuseCategories = { (parse.GetValue(abuse) ?? []).Select(a => Choice<AbuseCategory>("--abuse", a)) },
                InCare = parse.GetValue(inCare),
                BecameAwareOn = parse.GetValue(aware)!,
                NotifiedOn = parse.GetValue(notified)!,
                Title = parse.GetValue(title) ?? string.Empty,
            }, options);
            Console.Out.WriteLine(review.ReviewId);
            WriteClocks([review]);
        });
    }

    private static Command List()
    {
        var stage = new Option<string?>("--stage") { Description = "Only this stage: rapid-review, awaiting-practice-review, practice-review, published, closed, referred-national, in-progress." };
        return Define("list", "List the partnership's reviews with their clocks (due date, state, working days left).", [], [stage], async (parse, reviews, options, _) =>
        {
            var request = new ListCaseReviewsRequest();
            if (parse.GetValue(stage) is { Length: > 0 } s)
            {
                request.Stage = Choice<ReviewStage>("--stage", s);
            }

            var listed = await reviews.ListCaseReviewsAsync(request, options);
            if (listed.Reviews.Count == 0)
            {
                Console.Out.WriteLine("No case reviews.");
                return;
            }

            WriteClocks(listed.Reviews);
        });
    }

    private static Command Summary()
    {
        var review = new Argument<string>("review") { Description = "Review id." };
        var agency = new Option<string>("--agency") { Description = "The agency whose summary it is (inside the partnership).", Required = true };
        var on = new Option<string>("--on") { Description = "The day it was submitted (YYYY-MM-DD).", Required = true };
        var text = new Option<string>("--text") { Description = "The summary (no names or other identifying details).", Required = true };
        return Define("summary", "Add an agency's summary to a rapid review.", [review], [agency, on, text], async (parse, reviews, options, _) =>
        {
            var updated = await reviews.AddAgencySummaryAsync(new AddAgencySummaryRequest
            {
                ReviewId = parse.GetValue(review)!,
                Summary = new AgencySummary { OrganisationCode = parse.GetValue(agency)!, SubmittedOn = parse.GetValue(on)!, Summary = parse.GetValue(text)! },
            }, options);
            var count = updated.AgencySummaries.Count;
            Console.Out.WriteLine($"{updated.ReviewId}: {Number(count)} agency {(count == 1 ? "summary" : "summaries")} in");
        });
    }

    private static Command FindingCommand()
    {
        var review = new Argument<string>("review") { Description = "Review id." };
        var text = new Option<string>("--text") { Description = "The finding.", Required = true };
        var themes = new Option<string[]>("--theme") { Description = "Learning themes (ids, e.g. information-sharing).", AllowMultipleArgumentsPerToken = true };
        var areas = new Option<string[]>("--content-area") { Description = "The framework's content areas (ids).", AllowMultipleArgumentsPerToken = true };
        return Define("finding", "Add a finding tagged with themes and content areas.", [review], [text, themes, areas], async (parse, reviews, options, _) =>
        {
            var updated = await reviews.AddFindingAsync(new AddFindingRequest
            {
                ReviewId = parse.GetValue(review)!, Text = parse.GetValue(text)!, ThemeIds = { parse.GetValue(themes) ?? [] }, ContentAreaIds = { parse.GetValue(areas) ?? [] },
            }, options);
            Console.Out.WriteLine(updated.Findings[^1].FindingId);
        });
    }

    private static Command Recommend()
    {
        var review = new Argument<string>("review") { Description = "Review id." };
        var text = new Option<string>("--text") { Description = "The recommendation.", Required = true };
        var findings = new Option<string[]>("--finding") { Description = "The findings it answers (ids).", AllowMultipleArgumentsPerToken = true };
        return Define("recommend", "Add a recommendation answering findings.", [review], [text, findings], async (parse, reviews, options, _) =>
        {
            var updated = await reviews.AddRecommendationAsync(new AddRecommendationRequest
            {
                ReviewId = parse.GetValue(review)!, Text = parse.GetValue(text)!, FindingIds = { parse.GetValue(findings) ?? [] },
            }, options);
            Console.Out.WriteLine(updated.Recommendations[^1].RecommendationId);
        });
    }

    private static Command Milestone()
    {
        var review = new Argument<string>("review") { Description = "Review id." };
        var clock = new Option<string>("--clock") { Description = "panel-notification, rapid-review or practice-review-publication.", DefaultValueFactory = _ => "rapid-review" };
        var milestone = new Option<string>("--milestone") { Description = "e.g. agency-summaries, panel-meeting, partners-sign-off, sent-to-panel.", Required = true };
        var on = new Option<string>("--on") { Description = "The day it was met (YYYY-MM-DD).", Required = true };
        return Define("milestone", "Record that a clock's milestone was met.", [review], [clock, milestone, on], async (parse, reviews, options, _) =>
        {
            var updated = await reviews.MeetMilestoneAsync(new MeetMilestoneRequest
            {
                ReviewId = parse.GetValue(review)!, Clock = parse.GetValue(clock)!, Milestone = parse.GetValue(milestone)!, On = parse.GetValue(on)!,
            }, options);
            WriteClocks([updated]);
        });
    }

    private static Command DecisionCommand()
    {
        var review = new Argument<string>("review") { Description = "Review id." };
        var decision = new Option<string>("--decision") { Description = "local-practice-review, no-further-review or national-review.", Required = true };
        var on = new Option<string>("--on") { Description = "The day it was decided (YYYY-MM-DD).", Required = true };
        var reasons = new Option<string>("--reasons") { Description = "Why (no names or other identifying details).", Required = true };
        return Define("decision", "Record the rapid review's decision (needs the agency summaries); it meets the rapid review clock.", [review], [decision, on, reasons], async (parse, reviews, options, _) =>
        {
            var updated = await reviews.RecordDecisionAsync(new RecordDecisionRequest
            {
                ReviewId = parse.GetValue(review)!, Decision = Choice<Decision>("--decision", parse.GetValue(decision)!), DecidedOn = parse.GetValue(on)!, Reasons = parse.GetValue(reasons)!,
            }, options);
            AnsiConsole.MarkupLineInterpolated($"{updated.ReviewId}: {Words(updated.Stage)}");
            WriteClocks([updated]);
        });
    }

    private static Command AddAction()
    {
        var review = new Argument<string>("review") { Description = "Review id." };
        var recommendation = new Option<string>("--recommendation") { Description = "The recommendation it answers (its id).", Required = true };
        var owner = new Option<string>("--owner") { Description = "The organisation that owns it (inside the partnership).", Required = true };
        var description = new Option<string>("--description") { Description = "What will be done.", Required = true };
        var due = new Option<string>("--due") { Description = "Due date (YYYY-MM-DD).", Required = true };
        var measure = new Option<string?>("--measure") { Description = "The measure it should move (measures' id)." };
        var reaudit = new Option<string?>("--reaudit") { Description = "When to re-audit (YYYY-MM-DD)." };
        return Define("add", "Add an action to one of a review's recommendations.", [review], [recommendation, owner, description, due, measure, reaudit], async (parse, reviews, options, _) =>
        {
            var updated = await reviews.AddActionAsync(new AddActionRequest
            {
                ReviewId = parse.GetValue(review)!, RecommendationId = parse.GetValue(recommendation)!, OwnerOrganisationCode = parse.GetValue(owner)!,
                Description = parse.GetValue(description)!, DueOn = parse.GetValue(due)!, LinkedMeasureId = parse.GetValue(measure) ?? string.Empty, ReauditOn = parse.GetValue(reaudit) ?? string.Empty,
            }, options);
            var action = updated.Actions[^1];
            Console.Out.WriteLine(action.ActionId);
        });
    }

    private static Command UpdateAction()
    {
        var review = new Argument<string>("review") { Description = "Review id." };
        var action = new Argument<string>("action") { Description = "Action id." };
        var status = new Option<string>("--status") { Description = "not-started, in-progress, completed, evidenced or dropped.", Required = true };
        var evidence = new Option<string?>("--evidence") { Description = "Evidence of completion (required to complete)." };
        var completed = new Option<string?>("--completed-on") { Description = "The day it was completed (YYYY-MM-DD)." };
        var reaudit = new Option<string?>("--reaudit") { Description = "When to re-audit (YYYY-MM-DD)." };
        return Define("update", "Update an action's status and evidence (publishes ActionUpdated).", [review, action], [status, evidence, completed, reaudit], async (parse, reviews, options, _) =>
        {
            var updated = await reviews.UpdateActionAsync(new UpdateActionRequest
            {
                ReviewId = parse.GetValue(review)!, ActionId = parse.GetValue(action)!, Status = Choice<ActionStatus>("--status", parse.GetValue(status)!),
                Evidence = parse.GetValue(evidence) ?? string.Empty, CompletedOn = parse.GetValue(completed) ?? string.Empty, ReauditOn = parse.GetValue(reaudit) ?? string.Empty,
            }, options);
            var changed = updated.Actions.Single(a => a.ActionId == parse.GetValue(action));
            AnsiConsole.MarkupLineInterpolated($"{changed.ActionId}: {Words(changed.Status)}{(changed.Overdue ? " (overdue)" : "")}, due {changed.DueOn}");
        });
    }

    private static Command DashboardCommand()
    {
        var asOf = new Option<string?>("--as-of") { Description = "Evaluate the clocks on this day (YYYY-MM-DD; default today)." };
        return Define("dashboard", "The partnership's dashboard: open reviews by stage with their clocks, open and overdue actions by organisation, recurring themes.", [], [asOf], async (parse, reviews, options, _) =>
        {
            var dashboard = await reviews.GetDashboardAsync(new GetDashboardRequest { AsOf = parse.GetValue(asOf) ?? string.Empty }, options);
            Console.Out.WriteLine($"Case reviews of {dashboard.OwnerCode} as at {dashboard.AsOf}: {Number(dashboard.OpenReviews.Count)} open ("
                + string.Join(", ", dashboard.OpenByStage.Select(s => $"{Number(s.Reviews)} {Words(s.Stage)}")) + ")");

            foreach (var review in dashboard.OpenReviews)
            {
                Console.Out.WriteLine($"  {review.Title} [{Words(review.Stage)}]");
                foreach (var clock in review.OpenClocks)
                {
                    Console.Out.WriteLine("    " + ClockLine(clock.Clock_, clock.DueOn, clock.State, clock.WorkingDaysRemaining));
                }
            }

            Console.Out.WriteLine("Actions by organisation (open, overdue):");
            foreach (var organisation in dashboard.ActionsByOrganisation)
            {
                Console.Out.WriteLine($"  {organisation.OrganisationCode}: {Number(organisation.OpenActions)} open, {Number(organisation.OverdueActions)} overdue");
            }

            Console.Out.WriteLine("Recurring themes (reviews, findings):");
            foreach (var theme in dashboard.Themes)
            {
                Console.Out.WriteLine($"  {theme.Title}: {Counted(theme.Reviews, "review")}, {Counted(theme.Findings, "finding")}");
            }
        });
    }

    private static Command Export()
    {
        var output = new Option<FileInfo>("--out") { Description = "Where to write the JSON.", DefaultValueFactory = _ => new FileInfo("case-reviews-export.json") };
        return Define("export", "Export every review the partnership owns as JSON (audited as an export; review-coordinator or board-member).", [], [output], async (parse, reviews, options, _) =>
        {
            var exported = await reviews.ExportRecordsAsync(new ExportRecordsRequest(), options);
            var target = parse.GetValue(output)!;
            await File.WriteAllTextAsync(target.FullName, new JsonFormatter(JsonFormatter.Settings.Default.WithIndentation()).Format(exported));
            AnsiConsole.MarkupLineInterpolated($"Wrote {exported.Reviews.Count} reviews to {target.FullName}");
        });
    }

    // One line per running clock, unwrapped (plain lines read the same in a terminal, a pipe or a log).
    private static void WriteClocks(IEnumerable<CaseReview> reviews)
    {
        foreach (var review in reviews)
        {
            var running = review.Clocks.Where(c => c.MetOn.Length == 0).ToList();
            var head = $"{review.ReviewId}  {review.Title}  [{Words(review.Stage)}]";
            if (running.Count == 0)
            {
                Console.Out.WriteLine(head + "  no clock running");
            }

            foreach (var clock in running)
            {
                Console.Out.WriteLine(head + "  " + ClockLine(clock.Clock_, clock.DueOn, clock.State, clock.WorkingDaysRemaining));
            }
        }
    }

    private static string ClockLine(string clock, string dueOn, ClockState state, int remaining) =>
        $"{clock} due {dueOn}: {Words(state)} ({(remaining < 0 ? $"{Number(-remaining)} working days overdue" : $"{Number(remaining)} working days left")})";

    /// <summary>An enum value from the words a user types ("serious-harm", "1-to-4"), or a CliException listing the choices.</summary>
    internal static T Choice<T>(string option, string value)
        where T : struct, Enum
    {
        var prefix = Normalise(typeof(T).Name);
        var wanted = Normalise(value);
        foreach (var candidate in Enum.GetValues<T>())
        {
            var name = Normalise(candidate.ToString());
            if (name != "unspecified" && (name == wanted || name == prefix + wanted))
            {
                return candidate;
            }
        }

        var choices = Enum.GetValues<T>().Select(c => Words(c)).Where(c => c != "unspecified");
        throw new CliException($"{option}: '{value}' is not one of {string.Join(", ", choices)}.");
    }

    private static string Normalise(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    // RapidReview → rapid-review; _1To4 → 1-to-4.
    private static string Words<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString().TrimStart('_');
        var words = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && (char.IsUpper(name[i]) || (char.IsDigit(name[i]) && !char.IsDigit(name[i - 1]))))
            {
                words.Append('-');
            }

            words.Append(char.ToLowerInvariant(name[i]));
        }

        return words.ToString();
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Counted(int n, string noun) => Number(n) + " " + noun + (n == 1 ? "" : "s");

    private static Command Define(
        string name, string description, Argument[] arguments, Option[] options, Func<ParseResult, CaseReviewsService.CaseReviewsServiceClient, Grpc.Core.CallOptions, string, Task> work) =>
        GatewayCommand.Define(name, description, arguments, options, Gateway.Auth.Roles.ReviewCoordinator, channel => new CaseReviewsService.CaseReviewsServiceClient(channel), work);
}
