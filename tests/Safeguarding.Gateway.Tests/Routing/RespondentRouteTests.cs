using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Safeguarding.Gateway.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Safeguarding.Platform.Hosting;

namespace Safeguarding.Gateway.Tests.Routing;

/// <summary>
/// The survey respondent's pages through the gateway (<c>/s/...</c>): anonymous HTTP forwarded to the surveys instance
/// that serves respondents, with the gateway's per-address limit, no credentials either way and one client address.
/// The backend is a fake pages service that echoes what it received.
/// </summary>
public sealed class RespondentRouteTests
{
    [Fact]
    public async Task A_page_is_forwarded_without_a_token_credentials_or_forged_addresses_and_keeps_its_own_headers()
    {
        await using var site = await Site.StartAsync(RegionServes);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/s/7KQ2M9XD4RTBHW3C?x=1");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        request.Headers.Add("Forwarded", "for=203.0.113.9");
        request.Headers.Add("X-Real-IP", "203.0.113.9");
        request.Headers.Add("x-sg-user-id", "someone");
        request.Headers.Add("Cookie", "sg-session=secret; sg-form=proof");
        request.Headers.Add("Authorization", "Bearer not-for-surveys");
        request.Headers.Add("Accept-Language", "cy");

        using var response = await site.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = await Seen(response);
        Assert.Equal("camden-shared", seen["instance"]!.GetValue<string>());
        Assert.Equal("GET", seen["method"]!.GetValue<string>());
        Assert.Equal("/s/7KQ2M9XD4RTBHW3C?x=1", seen["path"]!.GetValue<string>());
        var headers = seen["headers"]!.AsObject();
        // One client address, the gateway's own view of it; nothing the client said about addresses or hosts.
        Assert.Equal("127.0.0.1", headers["x-forwarded-for"]!.GetValue<string>());
        Assert.Null(headers["x-forwarded-host"]);
        Assert.Null(headers["forwarded"]);
        Assert.Null(headers["x-real-ip"]);
        Assert.Null(headers["x-sg-user-id"]);
        Assert.Null(headers["cookie"]);
        Assert.Null(headers["authorization"]);
        Assert.Equal("cy", headers["accept-language"]!.GetValue<string>());
        // The original host, so the pages can compare a form's Origin with it.
        Assert.Equal(site.HttpAddress.Authority, headers["host"]!.GetValue<string>());
        // The pages' own security headers pass untouched; no cookie may be set on the gateway's origin.
        Assert.Equal(FakePagesModule.Csp, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_form_post_and_its_redirect_pass_through_and_the_start_path_is_routed()
    {
        await using var site = await Site.StartAsync(RegionServes);

        using var posted = await site.Http.PostAsync("/s/ABC/q/listened", new FormUrlEncodedContent([new("answer", "agree"), new("change", "1")]));
        using var root = await site.Http.GetAsync("/s/");
        using var asset = await site.Http.GetAsync("/s/assets/survey.css");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/s/ABC/check", posted.Headers.Location!.ToString());
        Assert.Equal("POST answer=agree&change=1", posted.Headers.GetValues("X-Seen-Body").Single());
        Assert.Equal("/s/", (await Seen(root))["path"]!.GetValue<string>());
        Assert.Equal("text/css", asset.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Without_a_regional_instance_the_registrys_only_surveys_instance_answers_and_with_several_none_does()
    {
        await using (var only = await Site.StartAsync(registry =>
        {
            // Only camden runs surveys: its instance is the one that issued every code.
            registry["Gateway"]!["Registry"]!["Region"]!["Partnerships"]![1]!.AsObject().Remove("Services");
            registry["Gateway"]!["Registry"]!["Region"]!["Partnerships"]![1]!["Agencies"]![0]!.AsObject().Remove("Services");
        }))
        {
            using var response = await only.Http.GetAsync("/s/CODE");
            Assert.Equal("camden-shared", (await Seen(response))["instance"]!.GetValue<string>());
        }

        await using var several = await Site.StartAsync(_ => { });
        using var refused = await several.Http.GetAsync("/s/CODE");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("Survey not found", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.All(several.Backends, b => Assert.Equal(0, b.Services.GetRequiredService<PageHits>().Count));
    }

    [Fact]
    public async Task A_respondent_over_the_gateways_rate_is_refused_with_a_page()
    {
        await using var site = await Site.StartAsync(RegionServes, permitsPerSecond: 1);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await site.Http.GetAsync("/s/CODE");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task A_stopped_surveys_instance_is_a_plain_page_not_a_proxy_error()
    {
        await using var site = await Site.StartAsync(RegionServes);
        await site.Backends[0].StopAsync();

        using var response = await site.Http.GetAsync("/s/CODE");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("not available right now", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static void RegionServes(JsonObject registry) =>
        registry["Gateway"]!["Registry"]!["Region"]!["Services"] = new JsonObject { ["surveys"] = "camden-shared" };

    private static async Task<JsonObject> Seen(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>A gateway over HTTP/1.1 (as browsers reach it) and three fake surveys instances.</summary>
    private sealed class Site : IAsyncDisposable
    {
        public required GatewayHost Gateway { get; init; }

        public required List<TestBackend> Backends { get; init; }

        public required HttpClient Http { get; init; }

        public required Uri HttpAddress { get; init; }

        public static async Task<Site> StartAsync(Action<JsonObject> adjust, int permitsPerSecond = 10000)
        {
            var backends = new List<TestBackend>();
            foreach (var name in new[] { "camden-shared", "islington", "islington-csc" })
            {
                backends.Add(await TestBackend.StartAsync<FakePagesModule>(name));
            }

            var registry = TestRegistry.Document(backends.ToDictionary(b => b.Name, b => b.Address), service: "surveys");
            adjust(registry);
            var gateway = await GatewayHost.StartAsync(registry, settings: new Dictionary<string, string?>
            {
                ["Endpoints:HttpPort"] = "0",
                ["Gateway:RateLimit:PermitsPerSecond"] = permitsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Gateway:RateLimit:Burst"] = permitsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Gateway:Forwarding:ActiveHealthChecks"] = "false",
            });
            var address = gateway.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
                .Select(a => new Uri(a)).Single(a => a.Port != gateway.Address.Port);
            return new Site
            {
                Gateway = gateway,
                Backends = backends,
                HttpAddress = address,
                Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address },
            };
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Gateway.DisposeAsync();
            foreach (var backend in Backends)
            {
                await backend.DisposeAsync();
            }
        }
    }
}

/// <summary>A fake surveys pages service: answers /s/* with what it received, the pages' headers and a cookie to be dropped.</summary>
public sealed class FakePagesModule : IServiceModule
{
    public const string Csp = "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static string Name => "fake-pages";

    public static void Add(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PageHits>();
        builder.Services.AddSingleton(new EchoInstance(builder.Configuration["Test:Instance"] ?? "pages"));
    }

    public static void Map(WebApplication app)
    {
        app.MapGet("/s/assets/survey.css", () => Results.Text("body{}", "text/css"));
        app.MapMethods("/s/{**rest}", ["GET", "POST"], async (HttpContext http, EchoInstance instance, PageHits hits) =>
        {
            Interlocked.Increment(ref hits.Count);
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = Csp;
            headers["referrer-policy"] = "no-referrer";
            headers.CacheControl = "no-store";
            headers.SetCookie = "tracking=1; Path=/";
            if (HttpMethods.IsPost(http.Request.Method))
            {
                using var reader = new StreamReader(http.Request.Body);
                headers["x-seen-body"] = "POST " + await reader.ReadToEndAsync();
                return Results.Redirect("/s/ABC/check");
            }

            var seen = new JsonObject
            {
                ["instance"] = instance.Name,
                ["method"] = http.Request.Method,
                ["path"] = http.Request.Path.Value + http.Request.QueryString.Value,
                ["headers"] = new JsonObject(http.Request.Headers.Select(h => KeyValuePair.Create(h.Key.ToLowerInvariant(), (JsonNode?)JsonValue.Create(h.Value.ToString())))),
            };
            return Results.Text(seen.ToJsonString(), "application/json");
        });
    }
}

/// <summary>How many page requests a fake instance answered.</summary>
public sealed class PageHits
{
#pragma warning disable CA1051, SA1401 // a counter for Interlocked
    public int Count;
#pragma warning restore CA1051, SA1401
}
