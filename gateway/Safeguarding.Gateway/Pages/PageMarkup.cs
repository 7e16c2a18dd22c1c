using System.Text;
using System.Text.Encodings.Web;

namespace Safeguarding.Gateway.Pages;

/// <summary>
/// The frame of the gateway's own pages: language, title, skip link, landmarks, one h1, visible focus,
/// and a sign-out button when the browser is signed in by cookie. Styles are inline (the pages'
/// policy allows no other source); nothing is fetched from elsewhere and there is no script.
/// </summary>
internal static class PageMarkup
{
    private const string Css = """
        html{font-family:Arial,Helvetica,sans-serif;font-size:100%;line-height:1.5;color:#0b0c0c;background:#fff}
        body{margin:0}
        .page{max-width:60rem;margin:0 auto;padding:1rem}
        .skip-link{position:absolute;left:-9999px}
        .skip-link:focus{position:static;display:inline-block;padding:.5rem;background:#fd0}
        a{color:#1d70b8}a:visited{color:#4c2c92}
        a:focus,button:focus,input:focus,textarea:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:0 0 0 6px #0b0c0c}
        header.site{display:flex;justify-content:space-between;align-items:center;border-bottom:.5rem solid #1d70b8;padding:.5rem 1rem}
        header.site p{margin:0;font-weight:700}
        h1{font-size:2rem;line-height:1.2}
        table{border-collapse:collapse;width:100%}
        caption{text-align:left;font-weight:700;padding:.5rem 0}
        th,td{text-align:left;vertical-align:top;padding:.5rem;border-bottom:1px solid #b1b4b6}
        .visually-hidden{position:absolute!important;width:1px!important;height:1px!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important}
        label{display:block;font-weight:700;margin:1rem 0 .25rem}
        .hint{color:#505a5f;margin:0 0 .5rem}
        textarea{width:100%;max-width:40rem;font:inherit;border:2px solid #0b0c0c}
        button{font:inherit;padding:.5rem 1rem;margin-top:1rem;background:#00703c;color:#fff;border:0;box-shadow:0 2px 0 #002d18}
        header.site button{margin:0;background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}
        .error-summary{border:5px solid #d4351c;padding:1rem;margin:1rem 0}
        .error-message{color:#d4351c;font-weight:700;margin:0 0 .5rem}
        """;

    public static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    /// <summary>A URL path segment (organisation codes and report ids come from the address bar).</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);

    /// <param name="signOutField">The sign-out form's proof (<see cref="PageForms.SignOutField"/>); null: no sign-out button.</param>
    public static string Page(string title, string content, string? signOutField)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .Append(Encode(title)).Append(" \u2014 Safeguarding reports</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n")
            .Append("<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n<header class=\"site\">\n<p>Safeguarding reports</p>\n");
        if (signOutField is not null)
        {
            html.Append("<form method=\"post\" action=\"" + SignInEndpoints.SignOutPath + "\">").Append(signOutField).Append("<button type=\"submit\">Sign out</button></form>\n");
        }

        return html.Append("</header>\n<div class=\"page\">\n<main id=\"main\" tabindex=\"-1\">\n<h1>").Append(Encode(title)).Append("</h1>\n")
            .Append(content)
            .Append("</main>\n</div>\n</body>\n</html>\n")
            .ToString();
    }
}
