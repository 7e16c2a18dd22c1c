using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Safeguarding.Web.Tests;

/// <summary>
/// Production sign-in (Web:Oidc set): a page asked for sends the browser to sign in, which goes to the issuer with the
/// code flow and PKCE (S256); the issuer's answer at the callback path is redeemed with the verifier, and the access
/// token becomes the session (an HttpOnly, SameSite=Strict cookie; never in an address); a page of this site then goes
/// on to the page asked for. A pasted token (the development sign-in) is refused.
/// </summary>
public sealed partial class OidcSignInTests(OidcSite site) : IClassFixture<OidcSite>
{
    private FakeIssuer Issuer => site.Issuer;

    [Fact]
    public async Task A_page_asked_for_signs_in_at_the_issuer_with_pkce_and_the_access_token_becomes_the_session()
    {
        var cookies = new CookieContainer();
        using var browser = Browser(cookies);

        // A page asked for: sign in, then the issuer's authorisation endpoint with the code flow and PKCE.
        var asked = await browser.GetAsync("/returns");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var signIn = await browser.GetAsync(asked.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var authorize = signIn.Headers.Location!;
        Assert.Equal(Issuer.AuthorizationEndpoint.GetLeftPart(UriPartial.Path), authorize.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal(FakeIssuer.ClientId, query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.True(query["code_challenge"].ToString().Length >= 43);
        Assert.Equal(new Uri(site.Address, "/signin-oidc").ToString(), query["redirect_uri"]);
        Assert.Equal(["openid", "profile", "safeguarding-gateway"], query["scope"].ToString().Split(' '));

        // The issuer signs the person in and posts the code back to the callback path.
        var redeemed = Issuer.Redeemed;
        Issuer.Grant("code-1", query["code_challenge"]!, query["nonce"]!, "NB-CSC", "analyst");
        var callback = await browser.PostAsync("/signin-oidc", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = "code-1",
            ["state"] = query["state"]!,
        }));
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal(redeemed + 1, Issuer.Redeemed);
        Assert.Equal("/sign-in/done?returnUrl=%2Freturns", callback.Headers.Location!.OriginalString);
        var session = Assert.Single(callback.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sg-web-session=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("eyJ", session, StringComparison.Ordinal); // the token is encrypted, not readable

        // A page of this site goes on to the page asked for (the Strict cookie travels from here).
        var done = await browser.GetAsync(callback.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"0; url=/returns\">", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_callback_that_was_never_asked_for_goes_back_to_sign_in_and_says_so()
    {
        using var browser = Browser(new CookieContainer());
        var redeemed = Issuer.Redeemed;

        var forged = await browser.PostAsync("/signin-oidc", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "stolen", ["state"] = "made-up" }));

        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal("/sign-in?failed=true", forged.Headers.Location!.OriginalString);
        Assert.DoesNotContain(forged.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("sg-web-session=", StringComparison.Ordinal));
        Assert.Equal(redeemed, Issuer.Redeemed);
        var page = await (await browser.GetAsync(forged.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("Signing in with your organisation&#x27;s account did not finish", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_development_sign_in_is_refused_when_the_identity_provider_is_configured()
    {
        var cookies = new CookieContainer();
        using var browser = Browser(cookies);
        var page = await (await browser.GetAsync("/sign-in?failed=true")).Content.ReadAsStringAsync();
        var formToken = FormToken().Match(page).Groups[1].Value;
        Assert.NotEmpty(formToken);

        var pasted = await browser.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token"] = "eyJhbGciOiJub25lIn0.eyJvcmciOiJOQi1DU0MiLCJleHAiOjQxMDI0NDQ4MDB9.",
            ["formToken"] = formToken,
        }));

        Assert.Equal(HttpStatusCode.Forbidden, pasted.StatusCode);
        Assert.Contains("access tokens cannot be pasted here", await pasted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(pasted.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("sg-web-session=", StringComparison.Ordinal));
    }

    private HttpClient Browser(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = site.Address };

    [GeneratedRegex("name=\"formToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
