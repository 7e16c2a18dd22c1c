using System.Net;
using System.Text;

namespace Safeguarding.Surveys.Pages;

/// <summary>
/// The respondent's pages' markup in the GOV.UK Design System's patterns (template, one question per page, error
/// summary, check answers, confirmation panel), server-rendered and working without JavaScript. Everything a
/// respondent or a form author typed is HTML-encoded here.
/// </summary>
internal static class PageHtml
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static string Layout(string title, string body, string? backLink = null, bool hasError = false, string serviceName = "Tell us what you think") =>
        $$"""
        <!DOCTYPE html>
        <html lang="en" class="govuk-template">
        <head>
        <meta charset="utf-8">
        <title>{{(hasError ? "Error: " : string.Empty)}}{{E(title)}} – {{E(serviceName)}}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <link rel="stylesheet" href="/s/assets/survey.css">
        </head>
        <body class="govuk-template__body">
        <a href="#main-content" class="govuk-skip-link">Skip to main content</a>
        <header class="govuk-header" role="banner"><div class="govuk-width-container"><span class="govuk-header__service-name">{{E(serviceName)}}</span></div></header>
        <div class="govuk-width-container">
        {{(backLink is null ? string.Empty : $"<a href=\"{E(backLink)}\" class=\"govuk-back-link\">Back</a>")}}
        <main class="govuk-main-wrapper" id="main-content" role="main">
        <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        {{body}}
        </div></div>
        </main>
        </div>
        <footer class="govuk-footer" role="contentinfo"><div class="govuk-width-container"><p>Your answers are used to improve services for children and families. Do not write anyone's name.</p></div></footer>
        </body>
        </html>
        """;

    public static string ErrorSummary(string message, string href) =>
        $"""
        <div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert">
        <h2 class="govuk-error-summary__title">There is a problem</h2>
        <div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="{E(href)}">{E(message)}</a></li></ul></div>
        </div></div>
        """;

    public static string ErrorMessage(string id, string message) =>
        $"<p id=\"{id}\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(message)}</p>";

    public static string Button(string text) => $"<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">{E(text)}</button>";

    public static string Message(string heading, string paragraph) =>
        $"<h1 class=\"govuk-heading-l\">{E(heading)}</h1><p class=\"govuk-body\">{E(paragraph)}</p>";

    public static string Join(IEnumerable<string> parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            builder.Append(part).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>
    /// The GOV.UK look for these pages, reduced to the components they use. Arial stands in for GDS Transport (only
    /// for gov.uk domains); colours keep GOV.UK's contrast; focus is the GOV.UK yellow with a black underline; every
    /// control is at least 24 by 24 CSS pixels (WCAG 2.2 target size).
    /// </summary>
    public const string Css = """
        html{background:#f3f2f1;font-family:Arial,sans-serif;-webkit-text-size-adjust:100%}
        body{margin:0;background:#fff;color:#0b0c0c;font-size:19px;line-height:1.32}
        .govuk-width-container{max-width:960px;margin:0 15px}
        @media (min-width:40.0625em){.govuk-width-container{margin:0 30px}}
        @media (min-width:1020px){.govuk-width-container{margin:0 auto}}
        .govuk-skip-link{position:absolute;left:-9999px;padding:10px 15px;background:#fd0;color:#0b0c0c}
        .govuk-skip-link:focus{left:0;top:0;outline:3px solid #fd0}
        .govuk-header{background:#0b0c0c;color:#fff;padding:10px 0;border-bottom:10px solid #1d70b8}
        .govuk-header__service-name{font-weight:700;font-size:24px}
        .govuk-main-wrapper{padding:20px 0 40px}
        .govuk-footer{background:#f3f2f1;border-top:1px solid #b1b4b6;padding:25px 0;font-size:16px}
        .govuk-heading-l{font-size:32px;margin:0 0 20px;font-weight:700}
        .govuk-heading-m{font-size:24px;margin:0 0 15px;font-weight:700}
        .govuk-body,.govuk-hint{margin:0 0 20px}
        .govuk-hint{color:#505a5f}
        .govuk-caption-l{display:block;color:#505a5f;font-size:24px;margin-bottom:5px}
        a{color:#1d70b8}a:visited{color:#4c2c92}
        a:focus,.govuk-button:focus,input:focus,textarea:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:0 4px #0b0c0c;background-color:#fd0;color:#0b0c0c}
        input[type=text]:focus,textarea:focus{background:#fff;box-shadow:inset 0 0 0 2px}
        .govuk-back-link{display:inline-block;margin-top:15px;font-size:16px;color:#0b0c0c}
        .govuk-fieldset{border:0;margin:0;padding:0}
        .govuk-fieldset__legend{padding:0;margin-bottom:15px}
        .govuk-form-group{margin-bottom:30px}
        .govuk-form-group--error{border-left:5px solid #d4351c;padding-left:15px}
        .govuk-error-message{color:#d4351c;font-weight:700;margin:0 0 15px}
        .govuk-label{display:block;margin-bottom:5px}
        .govuk-radios__item,.govuk-checkboxes__item{display:flex;align-items:center;margin-bottom:10px;min-height:40px}
        .govuk-radios--inline .govuk-radios__item{display:inline-flex;margin-right:20px}
        .govuk-radios__input,.govuk-checkboxes__input{width:32px;height:32px;margin:0 10px 0 0;flex:none;accent-color:#0b0c0c}
        .govuk-radios__label,.govuk-checkboxes__label{cursor:pointer;padding:5px 0}
        .govuk-input,.govuk-textarea{font:inherit;border:2px solid #0b0c0c;padding:5px;box-sizing:border-box;min-height:40px}
        .govuk-input--width-5{width:8ex}
        .govuk-textarea{width:100%}
        .govuk-input--error,.govuk-textarea--error{border-color:#d4351c}
        .govuk-button{font:inherit;font-weight:400;background:#00703c;color:#fff;border:2px solid transparent;box-shadow:0 2px #002d18;padding:8px 10px 7px;cursor:pointer;margin:0 0 30px;min-height:40px}
        .govuk-error-summary{border:5px solid #d4351c;padding:20px;margin-bottom:30px}
        .govuk-error-summary__title{font-size:24px;margin:0 0 15px}
        .govuk-error-summary__list{margin:0;padding:0;list-style:none}
        .govuk-error-summary__list a{color:#d4351c;font-weight:700}
        .govuk-summary-list{margin:0 0 30px;display:table;width:100%;border-collapse:collapse}
        .govuk-summary-list__row{display:table-row;border-bottom:1px solid #b1b4b6}
        .govuk-summary-list__key,.govuk-summary-list__value,.govuk-summary-list__actions{display:table-cell;padding:10px 20px 10px 0;vertical-align:top;margin:0}
        .govuk-summary-list__key{font-weight:700;width:40%}
        .govuk-panel--confirmation{background:#00703c;color:#fff;padding:35px;text-align:center;margin-bottom:30px}
        .govuk-panel__title{font-size:40px;margin:0}
        .govuk-visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important;border:0!important}
        """;
}
