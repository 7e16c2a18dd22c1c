using Grpc.Core;
using System.Net;
using System.Text;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Tests.Support;

namespace Safeguarding.Gateway.Tests.Json;

/// <summary>Browsers sign in by pasting a token: checked before it becomes a locked-down cookie the pages accept and the API does not.</summary>
public sealed class SignInTests(JsonFacadeFixture fixture) : IClassFixture<JsonFacadeFixture>
{
    private static readonly string Token = TestTokens.For("browser-user", "camden-csc", Roles.BoardMember);

    [Fact]
    public async Task The_sign_in_page_is_an_accessible_form_that_posts_back_here_only()
    {
        using var response = await fixture.GetAsync("/signin?returnUrl=%2Freports%2Fcamden-csc");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<label for=\"token\">Access token</label>", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" action=\"/signin\"", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"returnUrl\" value=\"/reports/camden-csc\">", html, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_token_becomes_a_strict_cookie_accepted_by_the_pages_and_refused_by_the_api()
    {
        using var signIn = await PostFormAsync("/signin", ("token", Token), ("returnUrl", "/reports/camden-csc"));

        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal("/reports/camden-csc", signIn.Headers.Location?.ToString());
        var setCookie = signIn.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith("sg-session=" + Token + ";", setCookie, StringComparison.Ordinal);
        Assert.Contains("path=/reports", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", setCookie, StringComparison.OrdinalIgnoreCase); // plain http here

        var cookie = setCookie.Split(';')[0];
        using var page = await fixture.GetAsync("/reports/camden-csc", cookie: cookie);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\" action=\"/reports/signout\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var api = new HttpRequestMessage(HttpMethod.Post, JsonFacadeFixture.ReportingPath + "ListReports")
        {
            Content = new StringContent("{\"organisationCode\": \"camden-csc\"}", Encoding.UTF8, "application/json"),
        };
        api.Headers.Add("Cookie", cookie);
        using var refused = await fixture.Http.SendAsync(api);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task An_invalid_token_is_refused_with_the_form_again_and_no_cookie()
    {
        var forged = TestTokens.For("browser-user", "camden-csc", Roles.BoardMember)[..^4] + "AAAA";

        using var response = await PostFormAsync("/signin", ("token", forged));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"token-hint token-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_posted_from_another_site_is_refused()
    {
        using var response = await PostFormAsync("/signin", [("token", Token)], [("Origin", "https://evil.example"), ("Sec-Fetch-Site", "cross-site")]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_browsers_own_sign_in_is_accepted_though_its_origin_is_null_under_no_referrer()
    {
        // What Chromium sends for the form on a page served with Referrer-Policy: no-referrer.
        using var response = await PostFormAsync("/signin", [("token", Token)], [("Origin", "null"), ("Sec-Fetch-Site", "same-origin")]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.True(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_null_origin_without_the_browsers_fetch_metadata_is_refused()
    {
        using var response = await PostFormAsync("/signin", [("token", Token)], [("Origin", "null")]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/reports/camden-csc")]
    [InlineData("//evil.example/reports")]
    [InlineData("/reports/signout")]
    public async Task Sign_in_returns_only_to_a_report_page_on_this_site(string returnUrl)
    {
        using var response = await PostFormAsync("/signin", ("token", Token), ("returnUrl", returnUrl));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/reports/camden-csc", response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("/signin")]
    [InlineData("/reports/signout")]
    public async Task A_post_without_the_form_s_proof_is_refused_even_when_it_says_nothing_of_where_it_came_from(string path)
    {
        // No Origin, no Sec-Fetch-Site: a script or an old browser on another site. Only the form's proof can vouch.
        using var response = await PostFormAsync(path, [("token", Token)], [("Cookie", "sg-session=" + Token)], withProof: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("sg-session=", StringComparison.Ordinal)));
        Assert.Contains("reload the page and try again", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_removes_the_cookie()
    {
        using var response = await PostFormAsync("/reports/signout");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location?.ToString());
        var setCookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith("sg-session=;", setCookie, StringComparison.Ordinal);
        Assert.Contains("expires=Thu, 01 Jan 1970", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/reports", setCookie, StringComparison.OrdinalIgnoreCase);
    }

    private Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string Value)[] fields) => PostFormAsync(path, fields, []);

    /// <summary>Posts the form as a browser that opened the sign-in page would: with the form's proof and its cookie.</summary>
    private async Task<HttpResponseMessage> PostFormAsync(string path, (string Name, string Value)[] fields, (string Name, string Value)[] headers, bool withProof = true)
    {
        var proof = withProof ? await FormProof.FetchAsync(fixture.Http) : null;
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (proof is not null)
        {
            all.Add(new(FormProof.FieldName, proof.Field));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(all) };
        var cookies = headers.Where(h => h.Name == "Cookie").Select(h => h.Value).Append(proof?.Cookie).OfType<string>().ToList();
        if (cookies.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", cookies));
        }

        foreach (var (name, value) in headers.Where(h => h.Name != "Cookie"))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await fixture.Http.SendAsync(request);
    }
}
