using System.Net;
using System.Text.RegularExpressions;

namespace Safeguarding.Gateway.Tests.Support;

/// <summary>What a browser holds after opening the sign-in page: the form's hidden proof and the cookie it pairs with.</summary>
public sealed partial record FormProof(string Cookie, string Field)
{
    public const string FieldName = "formToken";

    /// <summary>Opens /signin as a browser would and keeps the proof it was given.</summary>
    public static async Task<FormProof> FetchAsync(HttpClient http, Version? version = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/signin")
        {
            Version = version ?? HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sg-form=", StringComparison.Ordinal)).Split(';')[0];
        var field = HiddenField().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
        return new FormProof(cookie, WebUtility.HtmlDecode(field));
    }

    [GeneratedRegex("name=\"formToken\" value=\"([^\"]+)\"")]
    private static partial Regex HiddenField();
}
