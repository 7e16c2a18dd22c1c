using Grpc.Core;
using System.Net;
using System.Text;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Tests.Support;

namespace Safeguarding.Gateway.Tests.Json;

/// <summary>Reports as pages over real HTTP: the list, the report's own HTML with a strict policy, PDF and CSV, and errors as pages.</summary>
public sealed class ReportPagesTests(JsonFacadeFixture fixture) : IClassFixture<JsonFacadeFixture>
{
    private static readonly string BoardMember = TestTokens.For("page-reader", "camden-csc", Roles.BoardMember);

    [Fact]
    public async Task An_organisation_s_reports_are_listed_with_links_to_each_format()
    {
        using var response = await fixture.GetAsync("/reports/camden-csc", BoardMember);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        AssertLocked(response);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en-GB\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Reports for camden-csc</h1>", html, StringComparison.Ordinal);
        var href = "/reports/camden-csc/" + FakeReportingService.CamdenCscReport;
        Assert.Contains($"<a href=\"{href}\">{FakeReportingService.CamdenCscTitle}</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{href}.pdf\">", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{href}/csv\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeReportingService.CamdenPoliceReport, html, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_is_its_own_html_under_a_policy_that_loads_nothing()
    {
        using var response = await fixture.GetAsync("/reports/camden-csc/" + FakeReportingService.CamdenCscReport, BoardMember);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'",
            response.Headers.GetValues("Content-Security-Policy").Single());
        AssertLocked(response);
        Assert.Equal(FakeReportingService.Html(FakeReportingService.CamdenCscReport), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_report_s_pdf_is_served_as_pdf()
    {
        using var response = await fixture.GetAsync("/reports/camden-csc/" + FakeReportingService.CamdenCscReport + ".pdf", BoardMember);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        AssertLocked(response);
        Assert.Equal(FakeReportingService.Pdf(FakeReportingService.CamdenCscReport), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_report_s_tables_are_listed_and_downloaded_as_csv()
    {
        var baseHref = "/reports/camden-csc/" + FakeReportingService.CamdenCscReport + "/csv";
        using var list = await fixture.GetAsync(baseHref, BoardMember);
        using var file = await fixture.GetAsync(baseHref + "/table-referrals.csv", BoardMember);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains($"<a href=\"{baseHref}/table-referrals.csv\" download>Referrals by month (CSV)</a>", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", file.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(FakeReportingService.Csv(FakeReportingService.CamdenCscReport), await file.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Another_partnership_s_reports_are_a_403_page()
    {
        using var response = await fixture.GetAsync("/reports/islington-csc", BoardMember);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>You do not have access to this page</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeReportingService.IslingtonCscReport, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_of_another_organisation_is_not_shown_under_one_s_own()
    {
        // camden-csc and camden-police share the camden instance; the report id is camden-police's.
        using var response = await fixture.GetAsync("/reports/camden-csc/" + FakeReportingService.CamdenPoliceReport, BoardMember);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_credentials_a_page_says_how_to_sign_in()
    {
        using var response = await fixture.GetAsync("/reports/camden-csc");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Sign in to see this page</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/signin?returnUrl=%2Freports%2Fcamden-csc\">Sign in</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_s_invalid_argument_is_a_400_page_with_its_message()
    {
        using var response = await fixture.GetAsync("/reports/camden-csc?pageToken=stale", BoardMember);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<p>page_token: is not a token from a previous page</p>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_views_are_audited_as_the_reporting_rpcs_they_make()
    {
        var user = "page-audit-" + Guid.NewGuid().ToString("N");

        using var response = await fixture.GetAsync("/reports/camden-csc/" + FakeReportingService.CamdenCscReport, TestTokens.For(user, "camden-csc", Roles.Analyst));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            [
                ("camden-csc", "read", "/safeguarding.reporting.v1.ReportingService/GetReport", "camden-csc", "allowed"),
                ("camden-csc", "read", "/safeguarding.reporting.v1.ReportingService/GetReportHtml", "camden-csc", "allowed"),
            ],
            fixture.AuditRows(user));
    }

    private static void AssertLocked(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
