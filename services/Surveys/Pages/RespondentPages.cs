using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Surveys.Application;
using Safeguarding.Surveys.Domain;
using Safeguarding.Surveys.Domain.Responses;
using Safeguarding.Surveys.Persistence;
using static Safeguarding.Surveys.Pages.PageHtml;

namespace Safeguarding.Surveys.Pages;

/// <summary>
/// The respondent's pages: no account, the one-time code in the link is the key. A start page, one question per
/// page (skipping what the answers so far leave out), an error summary, check your answers, and a confirmation.
/// Answers are saved as each page is sent, so a respondent can leave and come back with the same link; sending
/// them spends the code. Plain HTML forms (no JavaScript), no cookies, no referrer (the code is in the address),
/// no caching, and a rate limit per client address.
/// </summary>
public static class RespondentPages
{
    public const string RateLimitPolicy = "survey-pages";

    public static IServiceCollection AddRespondentPages(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Surveys:Pages:RequestsPerMinute", 600);
        var clients = new ClientAddress(configuration.GetSection("Surveys:Pages:TrustedProxies").Get<string[]>());
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                clients.Of(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    public static void MapRespondentPages(this WebApplication app)
    {
        app.UseRateLimiter();
        var pages = app.MapGroup("/s").RequireRateLimiting(RateLimitPolicy).AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers.CacheControl = "no-store";
            headers["Referrer-Policy"] = "no-referrer";
            headers["X-Content-Type-Options"] = "nosniff";
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            if (HttpMethods.IsPost(context.HttpContext.Request.Method) && !SameOrigin.IsSameOrigin(context.HttpContext.Request))
            {
                return Html(Layout("You cannot send this form from another site", Message(
                    "You cannot send this form from another site", "Open the link on your invitation and answer there.")), StatusCodes.Status403Forbidden);
            }

            return await next(context);
        });

        pages.MapGet("/assets/survey.css", () => Results.Text(PageHtml.Css, "text/css; charset=utf-8"));
        pages.MapGet("/complete", () => Html(Layout("Your answers have been sent",
            "<div class=\"govuk-panel govuk-panel--confirmation\"><h1 class=\"govuk-panel__title\">Your answers have been sent</h1></div>" +
            "<p class=\"govuk-body\">Thank you for telling us what you think. We read every answer and use them to make things better.</p>" +
            "<p class=\"govuk-body\">You can close this page.</p>")));
        pages.MapGet("/", () => Html(EnterCodePage(null, string.Empty)));
        pages.MapPost("/", async (HttpContext http, CancellationToken ct) =>
        {
            var typed = (await http.Request.ReadFormAsync(ct))["code"].ToString();
            return InvitationCodes.Normalise(typed) is { } code
                ? Results.Redirect("/s/" + code)
                : Html(EnterCodePage("Enter the code from your invitation, like 7KQ2-M9XD-4RTB-HW3C", typed), StatusCodes.Status400BadRequest);
        });
        pages.MapGet("/{code}", StartAsync);
        pages.MapGet("/{code}/q/{name}", QuestionAsync);
        pages.MapPost("/{code}/q/{name}", AnswerAsync);
        pages.MapGet("/{code}/check", CheckAsync);
        pages.MapPost("/{code}/check", SendAsync);
    }

    private static async Task<IResult> StartAsync(string code, Session session, CancellationToken ct)
    {
        if (await session.OpenAsync(code, ct) is { } failed)
        {
            return failed;
        }

        var next = session.FirstUnanswered();
        var resume = session.Answers.Count > 0;
        var body = $"""
            <h1 class="govuk-heading-l">{E(session.Questionnaire.Title)}</h1>
            <p class="govuk-body">There are {session.Asked.Count(q => q.IsAnswerable)} questions or fewer. It takes about {Math.Max(2, session.Asked.Count / 2)} minutes.</p>
            <p class="govuk-body">{(session.Anonymous ? "You do not need to give your name. Nobody will know which answers are yours." : "Your answers are kept with a reference, not your name, so we can see how things change over time.")}</p>
            <p class="govuk-body">You can stop at any time and come back later with the same link.</p>
            <a href="{E(next)}" role="button" draggable="false" class="govuk-button">{(resume ? "Continue" : "Start now")}</a>
            """;
        return Html(Layout(session.Questionnaire.Title, body));
    }

    private static async Task<IResult> QuestionAsync(string code, string name, HttpContext http, Session session, CancellationToken ct)
    {
        if (await session.OpenAsync(code, ct) is { } failed)
        {
            return failed;
        }

        var question = session.Asked.FirstOrDefault(q => q.Name == name);
        if (question is null)
        {
            return Results.Redirect(session.FirstUnanswered());
        }

        var values = session.Answers.TryGetValue(name, out var v) ? v : [];
        return Html(QuestionPage(session, question, values, null, http.Request.Query["change"] == "1"));
    }

    private static async Task<IResult> AnswerAsync(string code, string name, HttpContext http, Session session, CancellationToken ct)
    {
        if (await session.OpenAsync(code, ct) is { } failed)
        {
            return failed;
        }

        var question = session.Asked.FirstOrDefault(q => q.Name == name);
        if (question is null)
        {
            return Results.Redirect(session.FirstUnanswered(), preserveMethod: false);
        }

        var form = await http.Request.ReadFormAsync(ct);
        var submitted = form["answer"].Where(a => a is not null).Select(a => a!).ToList();
        if (question.IsAnswerable)
        {
            var earlier = new AnswerSet();
            foreach (var q in session.Asked.TakeWhile(q => q.Name != name))
            {
                if (session.Answers.TryGetValue(q.Name, out var given))
                {
                    earlier.Set(q.Name, given);
                }
            }

            var (stored, problem) = ResponseValidator.CheckOne(question, submitted, earlier);
            if (problem is not null)
            {
                return Html(QuestionPage(session, question, submitted, problem, form["change"] == "1"), StatusCodes.Status400BadRequest);
            }

            await session.SaveAsync(name, stored, ct);
        }

        return Results.Redirect(form["change"] == "1" && session.AllRequiredAnswered
            ? session.Link("check")
            : session.NextAfter(question));
    }

    private static async Task<IResult> CheckAsync(string code, Session session, CancellationToken ct) =>
        await session.OpenAsync(code, ct) is { } failed ? failed : Html(CheckPage(session, null));

    private static async Task<IResult> SendAsync(string code, Session session, WaveCommands waves, CancellationToken ct)
    {
        if (await session.OpenAsync(code, ct) is { } failed)
        {
            return failed;
        }

        try
        {
            var answers = session.Asked.Where(q => session.Answers.ContainsKey(q.Name))
                .Select(q => new SubmittedAnswer(q.Name, string.Empty, session.Answers[q.Name])).ToList();
            await waves.SubmitAsync(code, answers, null, ct);
        }
        catch (DomainValidationException invalid)
        {
            return Html(CheckPage(session, invalid.Problems[0]), StatusCodes.Status400BadRequest);
        }
        catch (PreconditionFailedException state)
        {
            return Html(Layout("You cannot send these answers", Message("You cannot send these answers", state.Message)), StatusCodes.Status409Conflict);
        }

        return Results.Redirect("/s/complete");
    }

    private static string EnterCodePage(string? problem, string typed)
    {
        var body = $"""
            {(problem is null ? string.Empty : ErrorSummary(problem, "#code"))}
            <form method="post" action="/s/" novalidate>
            <div class="govuk-form-group{(problem is null ? string.Empty : " govuk-form-group--error")}">
            <h1 class="govuk-heading-l"><label class="govuk-label" for="code">Enter your survey code</label></h1>
            <div id="code-hint" class="govuk-hint">It is on your invitation: 16 letters and numbers, like 7KQ2-M9XD-4RTB-HW3C.</div>
            {(problem is null ? string.Empty : ErrorMessage("code-error", problem))}
            <input class="govuk-input{(problem is null ? string.Empty : " govuk-input--error")}" id="code" name="code" type="text" autocomplete="off" spellcheck="false" autocapitalize="characters" value="{E(typed)}" aria-describedby="code-hint{(problem is null ? string.Empty : " code-error")}">
            </div>
            {Button("Continue")}
            </form>
            """;
        return Layout("Enter your survey code", body, hasError: problem is not null);
    }

    private static string QuestionPage(Session session, QuestionDefinition q, IReadOnlyList<string> values, string? problem, bool change)
    {
        var errorId = "answer-error";
        var described = new List<string>();
        if (q.Hint.Length > 0)
        {
            described.Add("answer-hint");
        }

        if (problem is not null)
        {
            described.Add(errorId);
        }

        var describedBy = described.Count > 0 ? $" aria-describedby=\"{string.Join(' ', described)}\"" : string.Empty;
        var hint = q.Hint.Length > 0 ? $"<div id=\"answer-hint\" class=\"govuk-hint\">{E(q.Hint)}</div>" : string.Empty;
        var error = problem is null ? string.Empty : ErrorMessage(errorId, problem);
        var caption = $"<span class=\"govuk-caption-l\">{E(session.Questionnaire.Title)}</span>";
        string control;
        switch (q.Kind)
        {
            case QuestionKind.Note:
                control = $"{caption}<h1 class=\"govuk-heading-l\">{E(q.Label)}</h1>{hint}";
                break;
            case QuestionKind.Number or QuestionKind.FreeText:
                var value = values.Count > 0 ? values[0] : string.Empty;
                var input = q.Kind == QuestionKind.Number
                    ? $"<input class=\"govuk-input govuk-input--width-5{(problem is null ? string.Empty : " govuk-input--error")}\" id=\"answer\" name=\"answer\" type=\"text\" inputmode=\"decimal\" spellcheck=\"false\" value=\"{E(value)}\"{describedBy}>"
                    : $"<textarea class=\"govuk-textarea{(problem is null ? string.Empty : " govuk-textarea--error")}\" id=\"answer\" name=\"answer\" rows=\"5\"{describedBy}>{E(value)}</textarea>";
                control = $"{caption}<h1 class=\"govuk-heading-l\"><label class=\"govuk-label\" for=\"answer\">{E(q.Label)}</label></h1>{hint}{error}{input}";
                break;
            default:
                var multiple = q.Kind == QuestionKind.MultipleChoice;
                var options = q.Kind == QuestionKind.Rating
                    ? Enumerable.Range(q.RatingMin, q.RatingMax - q.RatingMin + 1).Select(n => new ChoiceDefinition(n.ToString(CultureInfo.InvariantCulture), n.ToString(CultureInfo.InvariantCulture))).ToList()
                    : q.Choices.ToList();
                if (multiple && q.Hint.Length == 0)
                {
                    hint = "<div id=\"answer-hint\" class=\"govuk-hint\">Select all that apply.</div>";
                    describedBy = $" aria-describedby=\"{string.Join(' ', described.Prepend("answer-hint"))}\"";
                }

                var kind = multiple ? "checkboxes" : "radios";
                var inline = q.Kind is QuestionKind.YesNo or QuestionKind.Rating ? " govuk-radios--inline" : string.Empty;
                var items = options.Select((c, i) =>
                    $"<div class=\"govuk-{kind}__item\"><input class=\"govuk-{kind}__input\" id=\"{(i == 0 ? "answer" : $"answer-{i + 1}")}\" name=\"answer\" type=\"{(multiple ? "checkbox" : "radio")}\" value=\"{E(c.Name)}\"{(values.Contains(c.Name) ? " checked" : string.Empty)}>" +
                    $"<label class=\"govuk-label govuk-{kind}__label\" for=\"{(i == 0 ? "answer" : $"answer-{i + 1}")}\">{E(c.Label)}</label></div>");
                control = $"""
                    <fieldset class="govuk-fieldset"{describedBy}>
                    <legend class="govuk-fieldset__legend">{caption}<h1 class="govuk-heading-l">{E(q.Label)}</h1></legend>
                    {hint}{error}
                    <div class="govuk-{kind}{inline}">{Join(items)}</div>
                    </fieldset>
                    """;
                break;
        }

        var body = $"""
            {(problem is null ? string.Empty : ErrorSummary(problem, "#answer"))}
            <form method="post" action="{E(session.Link("q/" + q.Name))}" novalidate>
            {(change ? "<input type=\"hidden\" name=\"change\" value=\"1\">" : string.Empty)}
            <div class="govuk-form-group{(problem is null ? string.Empty : " govuk-form-group--error")}">
            {control}
            </div>
            {Button("Continue")}
            </form>
            """;
        return Layout(q.Label, body, session.PreviousBefore(q), problem is not null);
    }

    private static string CheckPage(Session session, Problem? problem)
    {
        var rows = session.Asked.Where(q => q.IsAnswerable).Select(q =>
        {
            var answer = session.Answers.TryGetValue(q.Name, out var values)
                ? string.Join(", ", values.Select(v => q.Choices.FirstOrDefault(c => c.Name == v)?.Label ?? v))
                : "Not answered";
            return $"""
                <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{E(q.Label)}</dt><dd class="govuk-summary-list__value">{E(answer)}</dd>
                <dd class="govuk-summary-list__actions"><a href="{E(session.Link("q/" + q.Name))}?change=1">Change<span class="govuk-visually-hidden"> your answer to: {E(q.Label)}</span></a></dd></div>
                """;
        });
        var missing = problem is null ? null : session.Asked.FirstOrDefault(q => problem.Field == $"answers[{q.Name}]");
        var body = $"""
            {(problem is null ? string.Empty : ErrorSummary((missing is null ? string.Empty : missing.Label + ": ") + problem.Description, missing is null ? "#main-content" : session.Link("q/" + missing.Name)))}
            <h1 class="govuk-heading-l">Check your answers before sending them</h1>
            <dl class="govuk-summary-list">{Join(rows)}</dl>
            <h2 class="govuk-heading-m">Now send your answers</h2>
            <p class="govuk-body">When you send your answers you cannot change them, and this link stops working.</p>
            <form method="post" action="{E(session.Link("check"))}" novalidate>{Button("Send my answers")}</form>
            """;
        return Layout("Check your answers", body, session.PreviousBefore(null), problem is not null);
    }

    private static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", statusCode: status);

    /// <summary>One request's view of a code: its wave, questionnaire, saved answers and the questions they lead to.</summary>
    public sealed class Session(WaveCommands waves, SurveysDbContext db)
    {
        private string _code = string.Empty;
        private string _hash = string.Empty;

        public QuestionnaireDefinition Questionnaire { get; private set; } = null!;

        public bool Anonymous { get; private set; }

        public Dictionary<string, IReadOnlyList<string>> Answers { get; private set; } = [];

        public List<QuestionDefinition> Asked { get; private set; } = [];

        /// <summary>Loads the code's survey, or the page that says plainly why it cannot be answered.</summary>
        public async Task<IResult?> OpenAsync(string code, CancellationToken ct)
        {
            try
            {
                var (wave, questionnaire) = await waves.OpenAsync(code, ct);
                _code = InvitationCodes.Normalise(code)!;
                _hash = InvitationCodes.Hash(_code);
                Questionnaire = questionnaire;
                Anonymous = wave.Anonymity == nameof(Application.Anonymity.Anonymous);
                var draft = await db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.CodeHash == _hash, ct);
                Answers = draft is null ? [] : JsonSerializer.Deserialize<Dictionary<string, List<string>>>(draft.Answers)!
                    .ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
                Refresh();
                return null;
            }
            catch (DomainValidationException)
            {
                return NotFound();
            }
            catch (ResourceNotFoundException)
            {
                return NotFound();
            }
            catch (PreconditionFailedException state)
            {
                var heading = state.Type switch
                {
                    "INVITATION_USED" => "This link has already been used",
                    "WAVE_NOT_OPEN" => "This survey is not open yet",
                    _ => "This survey has closed",
                };
                return Html(Layout(heading, Message(heading, state.Message)), StatusCodes.Status410Gone);
            }
        }

        public async Task SaveAsync(string name, IReadOnlyList<string>? values, CancellationToken ct)
        {
            if (values is null)
            {
                Answers.Remove(name);
            }
            else
            {
                Answers[name] = values;
            }

            Refresh();
            // One statement, the same on SQLite and PostgreSQL: two tabs saving at once leave the later answers.
            var json = JsonSerializer.Serialize(Answers);
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO drafts (code_hash, answers) VALUES ({_hash}, {json}) ON CONFLICT (code_hash) DO UPDATE SET answers = excluded.answers", ct);
        }

        public string Link(string rest) => $"/s/{_code}/{rest}";

        public bool AllRequiredAnswered => Asked.All(q => !q.Required || Answers.ContainsKey(q.Name));

        /// <summary>Where to resume: a required question still unanswered, else the page after the last answer, else check answers.</summary>
        public string FirstUnanswered()
        {
            var next = Asked.FirstOrDefault(q => q.Required && !Answers.ContainsKey(q.Name))
                ?? Asked.Skip(Asked.FindLastIndex(q => Answers.ContainsKey(q.Name)) + 1).FirstOrDefault();
            return next is null ? Link("check") : Link("q/" + next.Name);
        }

        public string NextAfter(QuestionDefinition q)
        {
            var index = Asked.FindIndex(a => a.Name == q.Name);
            return index >= 0 && index + 1 < Asked.Count ? Link("q/" + Asked[index + 1].Name) : Link("check");
        }

        public string PreviousBefore(QuestionDefinition? q)
        {
            var index = q is null ? Asked.Count : Asked.FindIndex(a => a.Name == q.Name);
            return index > 0 ? Link("q/" + Asked[index - 1].Name) : $"/s/{_code}";
        }

        // Answers to questions the latest answers no longer lead to are dropped, as ODK clears non-relevant values.
        private void Refresh()
        {
            Asked = ResponseValidator.Asked(Questionnaire, Answers);
            foreach (var name in Answers.Keys.Where(k => Asked.All(q => q.Name != k)).ToList())
            {
                Answers.Remove(name);
            }
        }

        private static IResult NotFound() => Html(Layout("Survey link not found", Message(
            "We could not find this survey",
            "Check the link or code on your invitation. Codes have 16 letters and numbers, like 7KQ2-M9XD-4RTB-HW3C.")), StatusCodes.Status404NotFound);
    }
}
