using System.Net;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguarding.CaseReviews.V1;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Tests.Service.Support;

namespace Safeguarding.Reporting.Tests.Service.Functional;

/// <summary>
/// A partnership's quarterly report asks the case reviews service for its dashboard over real gRPC, as the caller
/// (their own bearer token, forwarded), and still renders, saying so, when that service does not answer.
/// </summary>
public sealed class ReviewDashboardServiceTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Sqlite();
    private readonly FictionalPartnership _partnership = new();
    private FakeCaseReviews _caseReviews = null!;

    public async Task InitializeAsync() => _caseReviews = await FakeCaseReviews.StartAsync(new Dashboard
    {
        OwnerCode = _partnership.Code,
        AsOf = "2026-12-07",
        OpenByStage = { new StageCount { Stage = ReviewStage.PracticeReview, Reviews = 1 } },
        OpenReviews =
        {
            new DashboardReview
            {
                Title = "Child N: serious harm, neglect", Kind = ReviewKind.SeriousIncident, Stage = ReviewStage.PracticeReview,
                OpenClocks = { new Clock { Clock_ = "practice-review-publication", DueOn = "2027-02-20", State = ClockState.OnTime, WorkingDaysRemaining = 52 } },
            },
        },
        ActionsByOrganisation =
        {
            new OrganisationActions { OrganisationCode = _partnership.Neighbour, OpenActions = 2, OverdueActions = 1 },
            new OrganisationActions { OrganisationCode = "NB-NO-PROFILE", OpenActions = 1, OverdueActions = 0 },
        },
        Themes = { new ThemeRecurrence { ThemeId = "information-sharing", Title = "Information sharing", Reviews = 1, Findings = 2 } },
    });

    public async Task DisposeAsync()
    {
        await _caseReviews.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_partnerships_quarterly_report_carries_the_dashboard_asked_with_the_callers_own_token()
    {
        await using var host = await ReportingHost.StartAsync(_database, new Dictionary<string, string?> { ["Reporting:CaseReviews:Address"] = _caseReviews.Address.ToString() });
        await _partnership.RecordNarrativeAsync(host.Client);

        var report = await host.Client.GenerateQuarterlyAsync(_partnership.Code, "2025-01/P3M");

        var dashboard = report.Document.Fields["caseReviews"].StructValue.Fields;
        Assert.True(dashboard["available"].BoolValue);
        var call = Assert.Single(_caseReviews.Calls);
        Assert.Equal(_partnership.Code, call.Target);
        Assert.Equal(ReportingClient.Analyst.UserId, Subject(call.Authorization));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", call.AsOf);

        var html = Encoding.UTF8.GetString((await host.Client.HtmlAsync(report.Id)).Content.ToByteArray());
        Assert.Contains("4.4 Case reviews", html, StringComparison.Ordinal);
        Assert.Contains("Child N: serious harm, neglect", html, StringComparison.Ordinal);
        // Owners are named from reporting's profiles where it has one, else by their code.
        Assert.Contains("Neighbouring Partnership: 1 overdue action of 2 open", html, StringComparison.Ordinal);
        Assert.Contains("NB-NO-PROFILE: 0 overdue actions of 1 open", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_case_reviews_service_is_unreachable_the_report_renders_and_says_the_dashboard_is_unavailable()
    {
        var closed = new Uri("http://127.0.0.1:" + FakeCaseReviews.ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var host = await ReportingHost.StartAsync(_database, new Dictionary<string, string?>
        {
            ["Reporting:CaseReviews:Address"] = closed.ToString(),
            ["Reporting:CaseReviews:Timeout"] = "00:00:03",
        });
        await _partnership.RecordNarrativeAsync(host.Client);

        var report = await host.Client.GenerateQuarterlyAsync(_partnership.Code, "2025-01/P3M");

        Assert.False(report.Document.Fields["caseReviews"].StructValue.Fields["available"].BoolValue);
        var html = Encoding.UTF8.GetString((await host.Client.HtmlAsync(report.Id)).Content.ToByteArray());
        Assert.Contains("The case reviews dashboard was unavailable when this report was drafted", html, StringComparison.Ordinal);
        Assert.Contains("6. Recommendations for the partnership", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agencys_report_and_a_reporting_service_without_an_address_have_no_case_reviews_section()
    {
        await using (var host = await ReportingHost.StartAsync(_database, new Dictionary<string, string?> { ["Reporting:CaseReviews:Address"] = _caseReviews.Address.ToString() }))
        {
            await _partnership.RecordNarrativeAsync(host.Client);
            var agency = "a-" + Guid.NewGuid().ToString("N")[..8];
            await host.Client.SetProfileAsync(new V1.ReportingProfile { OrganisationCode = agency, Name = "Fictional agency", Kind = V1.OrganisationKind.Agency, ParentCode = _partnership.Code });

            var report = await host.Client.GenerateQuarterlyAsync(agency, "2025-01/P3M");

            Assert.False(report.Document.Fields.ContainsKey("caseReviews") && report.Document.Fields["caseReviews"].KindCase == Google.Protobuf.WellKnownTypes.Value.KindOneofCase.StructValue);
            Assert.Empty(_caseReviews.Calls);
        }

        await using var without = await ReportingHost.StartAsync(_database);
        var partnership = await without.Client.GenerateQuarterlyAsync(_partnership.Code, "2025-01/P3M");
        var html = Encoding.UTF8.GetString((await without.Client.HtmlAsync(partnership.Id)).Content.ToByteArray());
        Assert.DoesNotContain("4.4 Case reviews", html, StringComparison.Ordinal);
    }

    private static string? Subject(string? authorization)
    {
        var payload = authorization!["Bearer ".Length..].Split('.')[1].Replace('-', '+').Replace('_', '/');
        using var claims = JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=')));
        return claims.RootElement.GetProperty("sub").GetString();
    }
}

/// <summary>A stand-in case reviews service on a loopback port: answers GetDashboard and notes what each call carried.</summary>
internal sealed class FakeCaseReviews : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeCaseReviews(WebApplication app, State state)
    {
        _app = app;
        Calls = state.Calls;
        Address = new Uri(app.Urls.First());
    }

    public Uri Address { get; }

    public List<SeenCall> Calls { get; }

    public static async Task<FakeCaseReviews> StartAsync(Dashboard dashboard)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        var state = new State(dashboard);
        builder.Services.AddSingleton(state);
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<Service>();
        await app.StartAsync();
        return new FakeCaseReviews(app, state);
    }

    /// <summary>A loopback port nothing listens on (taken, then released).</summary>
    public static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record SeenCall(string? Authorization, string? Target, string? Grant, string AsOf);

    internal sealed class State(Dashboard dashboard)
    {
        public Dashboard Dashboard { get; } = dashboard;

        public List<SeenCall> Calls { get; } = [];
    }

    internal sealed class Service(State state) : CaseReviewsService.CaseReviewsServiceBase
    {
        public override Task<Dashboard> GetDashboard(GetDashboardRequest request, ServerCallContext context)
        {
            lock (state.Calls)
            {
                state.Calls.Add(new SeenCall(
                    context.RequestHeaders.GetValue("authorization"),
                    context.RequestHeaders.GetValue(TargetOrganisation.Header),
                    context.RequestHeaders.GetValue(TargetGrant.Header),
                    request.AsOf));
            }

            return Task.FromResult(state.Dashboard);
        }
    }
}
