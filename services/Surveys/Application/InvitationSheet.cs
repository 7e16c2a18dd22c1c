using System.Net;
using System.Text;
using QRCoder;

namespace Safeguarding.Surveys.Application;

/// <summary>
/// A printable sheet of invitations for paper-to-web: one card per code with the survey's address, the code in
/// groups of four and, when the service knows its public address (Surveys:Pages:PublicBaseUrl), a QR code of the
/// link. Cards break cleanly across A4 pages. The codes exist only in this sheet and the response that carried it.
/// </summary>
public static class InvitationSheet
{
    public static byte[] Html(string title, IReadOnlyList<string> codes, Uri? publicBase)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Invitations</title>
            <style>
            body{font-family:Arial,sans-serif;color:#0b0c0c;margin:0}
            .card{box-sizing:border-box;width:50%;float:left;height:9.5cm;padding:0.8cm;border:1px dashed #b1b4b6;break-inside:avoid}
            h2{font-size:16pt;margin:0 0 0.3cm}.code{font:bold 18pt monospace;letter-spacing:0.05em;margin:0.3cm 0}
            svg{width:3.2cm;height:3.2cm;float:right;margin-left:0.3cm}p{font-size:11pt;margin:0 0 0.2cm}
            @page{size:A4;margin:1cm}
            </style></head><body>
            """);
        var generator = new QRCodeGenerator();
        foreach (var code in codes)
        {
            var path = "/s/" + InvitationCodes.Normalise(code);
            var link = publicBase is null ? null : new Uri(publicBase, path).ToString();
            html.Append("<div class=\"card\">");
            if (link is not null)
            {
                using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
                html.Append(new SvgQRCode(data).GetGraphic(4)
                    .Replace("<svg ", "<svg role=\"img\" aria-label=\"QR code of the survey link\" ", StringComparison.Ordinal));
            }

            html.Append("<h2>").Append(WebUtility.HtmlEncode(title)).Append("</h2>")
                .Append("<p>We would like to know what you think. It takes a few minutes, and you do not need to give your name.</p>")
                .Append("<p>").Append(link is null ? "Go to the survey page and enter this code:" : "Scan the code, or go to <strong>" + WebUtility.HtmlEncode(new Uri(publicBase!, "/s/").ToString()) + "</strong> and enter:").Append("</p>")
                .Append("<p class=\"code\">").Append(WebUtility.HtmlEncode(code)).Append("</p>")
                .Append("<p>The code works once.</p></div>");
        }

        html.Append("</body></html>");
        return Encoding.UTF8.GetBytes(html.ToString());
    }
}
