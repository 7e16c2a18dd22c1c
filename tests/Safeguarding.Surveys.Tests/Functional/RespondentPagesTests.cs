using System.Net;
using Google.Protobuf.WellKnownTypes;
using Safeguarding.Surveys.V1;

namespace Safeguarding.Surveys.Tests.Functional;

/// <summary>The respondent's pages over plain HTTP, as a browser without JavaScript uses them.</summary>
public abstract class RespondentPagesTests(ServiceFixture service) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = service.PagesAddress };

    public void Dispose()
    {
        _http.Dispose();
        GC.SuppressFinalize(this);
    }

    internal static async Task<string> CodeAsync(ServiceFixture service, string questionnaire = "child-closure")
    {
        var now = service.Clock.GetUtcNow().UtcDateTime;
        var wave = await service.Client.CreateWaveAsync(new CreateWaveRequest
        {
            QuestionnaireId = questionnaire, Kind = WaveKind.Closure, Title = "Closure", Anonymity = Anonymity.Anonymous, PeriodCode = "2026-10/P3M",
            OpensAt = Timestamp.FromDateTime(now.AddHours(-1)), ClosesAt = Timestamp.FromDateTime(now.AddDays(30)),
        }, Calls.Admin());
        return (await service.Client.IssueInvitationsAsync(new IssueInvitationsRequest { WaveId = wave.WaveId, Count = 1 }, Calls.Admin())).Invitations[0].Code;
    }

    private Task<HttpResponseMessage> PostAsync(string path, params (string, string)[] fields) =>
        _http.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))));

    [Fact]
    public async Task A_child_answers_with_a_skip_an_error_resumes_and_sends_once()
    {
        var code = (await CodeAsync(service)).Replace("-", string.Empty, StringComparison.Ordinal); // the pages' links carry the code without dashes
        var start = await _http.GetAsync($"/s/{code}");
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Equal("no-referrer", start.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("Start now", await start.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var empty = await PostAsync($"/s/{code}/q/listened");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var page = await empty.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", page, StringComparison.Ordinal);
        Assert.Contains("<title>Error: ", page, StringComparison.Ordinal);

        Assert.Equal($"/s/{code}/q/felt_safer", (await PostAsync($"/s/{code}/q/listened", ("answer", "agree"))).Headers.Location!.ToString());
        // Leaving and coming back: the start page offers to continue where the answers stopped.
        Assert.Contains($"/s/{code}/q/felt_safer", await _http.GetStringAsync($"/s/{code}"), StringComparison.Ordinal);
        await PostAsync($"/s/{code}/q/felt_safer", ("answer", "strongly_agree"));
        await PostAsync($"/s/{code}/q/taken_seriously", ("answer", "agree"));
        var skip = await PostAsync($"/s/{code}/q/someone_to_talk_to", ("answer", "yes"));
        Assert.Equal($"/s/{code}/q/better", skip.Headers.Location!.ToString()); // no_one_help is skipped after "yes"

        var tampered = await PostAsync($"/s/{code}/q/listened", ("answer", "<script>"));
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Contains("&#39;&lt;script&gt;&#39; is not one of the answers", await tampered.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal($"/s/{code}/check", (await PostAsync($"/s/{code}/q/better", ("answer", "More time to talk."))).Headers.Location!.ToString());
        var check = await _http.GetStringAsync($"/s/{code}/check");
        Assert.Contains("More time to talk.", check, StringComparison.Ordinal);

        var sent = await PostAsync($"/s/{code}/check");
        Assert.Equal("/s/complete", sent.Headers.Location!.ToString());
        var again = await _http.GetAsync($"/s/{code}");
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("already been used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await service.WithDbAsync(db => Task.FromResult(db.Drafts.Count())));
    }

    [Fact]
    public async Task A_code_typed_from_paper_opens_the_survey()
    {
        var code = await CodeAsync(service);
        Assert.Contains("Enter your survey code", await _http.GetStringAsync("/s/"), StringComparison.Ordinal);
        var typed = await PostAsync("/s/", ("code", code.ToLowerInvariant().Replace('-', ' ')));
        Assert.Equal("/s/" + code.Replace("-", string.Empty, StringComparison.Ordinal), typed.Headers.Location!.ToString());
        var wrong = await PostAsync("/s/", ("code", "12345"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("There is a problem", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_from_another_site_is_refused_and_nothing_is_saved()
    {
        var code = (await CodeAsync(service)).Replace("-", string.Empty, StringComparison.Ordinal);
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, $"/s/{code}/q/listened") { Content = new FormUrlEncodedContent([new("answer", "agree")]) };
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var foreignOrigin = new HttpRequestMessage(HttpMethod.Post, $"/s/{code}/check");
        foreignOrigin.Headers.Add("Origin", "https://elsewhere.example");
        // The code typed from paper: a same-origin post (Origin "null" under no-referrer) is accepted, and saves nothing.
        using var sameSite = new HttpRequestMessage(HttpMethod.Post, "/s/") { Content = new FormUrlEncodedContent([new("code", code)]) };
        sameSite.Headers.Add("Sec-Fetch-Site", "same-origin");
        sameSite.Headers.Add("Origin", "null");
        var drafts = await service.WithDbAsync(db => Task.FromResult(db.Drafts.Count()));

        Assert.Equal(HttpStatusCode.Forbidden, (await _http.SendAsync(crossSite)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.SendAsync(foreignOrigin)).StatusCode);
        Assert.Equal(drafts, await service.WithDbAsync(db => Task.FromResult(db.Drafts.Count())));
        Assert.Equal(HttpStatusCode.Redirect, (await _http.SendAsync(sameSite)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync($"/s/{code}")).StatusCode); // the code is still unused
    }

    [Fact]
    public async Task An_unknown_or_malformed_code_says_so_plainly()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/s/ABCD-EFGH-JKMN-PQRS")).StatusCode);
        var malformed = await _http.GetAsync("/s/hello");
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.Contains("We could not find this survey", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class SqliteRespondentPagesTests(SqliteServiceFixture service) : RespondentPagesTests(service), IClassFixture<SqliteServiceFixture>;

[Trait("Category", "Integration")]
public sealed class PostgresRespondentPagesTests(PostgresServiceFixture service) : RespondentPagesTests(service), IClassFixture<PostgresServiceFixture>;

/// <summary>Guessing codes on the pages is slowed to the configured number of requests a minute per address.</summary>
public sealed class RespondentPagesRateLimitTests(RateLimitedServiceFixture service) : IClassFixture<RateLimitedServiceFixture>
{
    [Fact]
    public async Task Past_the_limit_an_address_gets_429_until_the_minute_is_over()
    {
        using var http = new HttpClient { BaseAddress = service.PagesAddress };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await http.GetAsync($"/s/ABCD-EFGH-JKMN-PQR{i}");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.NotFound, 5), statuses.Take(5));
        Assert.All(statuses.Skip(5), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task Behind_the_gateway_each_respondent_has_their_own_limit()
    {
        using var http = new HttpClient { BaseAddress = service.PagesAddress };
        async Task<HttpStatusCode> AsAsync(string client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/s/ABCD-EFGH-JKMN-PQRS");
            request.Headers.Add("X-Forwarded-For", client); // from loopback, the default trusted proxy
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, await AsAsync("198.51.100.7"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await AsAsync("198.51.100.7"));
        Assert.Equal(HttpStatusCode.NotFound, await AsAsync("198.51.100.8"));
    }
}
