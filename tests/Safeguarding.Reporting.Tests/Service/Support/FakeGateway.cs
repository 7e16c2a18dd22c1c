using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguarding.Gateway.V1;
using Safeguarding.Measures.V1;

namespace Safeguarding.Reporting.Tests.Service.Support;

/// <summary>
/// The aggregation gateway as a region's reports see it, over real gRPC (h2c): a registry of two partnerships, every
/// measure across them for one period (camden shown and ranked, islington withheld), London-wide case review
/// themes and audit grades (one tool: good shown, inadequate withheld), and one story camden shared with the region. It notes the credentials each call came with, so tests can see reporting asked as the caller.
/// </summary>
public sealed class FakeGateway : IAsyncDisposable
{
    public const string PeriodCode = "2025-03/P1M";
    public const string PeriodLabel = "Mar 2025";

    private readonly WebApplication _app;

    private FakeGateway(WebApplication app, Calls calls)
    {
        _app = app;
        Seen = calls;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
    }

    public Uri Address { get; }

    public Calls Seen { get; }

    public static async Task<FakeGateway> StartAsync(Action<IServiceCollection>? more = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        var calls = new Calls();
        builder.Services.AddSingleton(calls);
        builder.Services.AddGrpc();
        more?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapGrpcService<Operations>();
        app.MapGrpcService<Measures>();
        app.MapGrpcService<Themes>();
        app.MapGrpcService<Audits>();
        app.MapGrpcService<Surveys>();
        app.MapGrpcService<Voices>();
        await app.StartAsync();
        return new FakeGateway(app, calls);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>(method, authorization header, whether any other header than the token came with it).</summary>
    public sealed class Calls
    {
        private readonly List<(string Method, string Authorization, bool OtherIdentity)> _calls = [];

        public IReadOnlyList<(string Method, string Authorization, bool OtherIdentity)> All
        {
            get
            {
                lock (_calls)
                {
                    return [.. _calls];
                }
            }
        }

        public void Note(ServerCallContext context)
        {
            lock (_calls)
            {
                _calls.Add((
                    context.Method[(context.Method.LastIndexOf('/') + 1)..],
                    context.RequestHeaders.GetValue("authorization") ?? "",
                    context.RequestHeaders.Any(h => h.Key.StartsWith("x-sg-", StringComparison.OrdinalIgnoreCase))));
            }
        }
    }

    private static AreaFigure Shown(string code, FigureLevel level, string value) => new()
    {
        OrganisationCode = code,
        Level = level,
        Period = new Period { Code = PeriodCode, Label = PeriodLabel },
        State = FigureState.Shown,
        Value = value,
    };

    private sealed class Operations(Calls calls) : GatewayOperations.GatewayOperationsBase
    {
        public override Task<GetRegistryResponse> GetRegistry(GetRegistryRequest request, ServerCallContext context)
        {
            calls.Note(context);
            return Task.FromResult(new GetRegistryResponse
            {
                Organisations =
                {
                    new RegistryOrganisation { Code = "london", Name = "London", Kind = Gateway.V1.OrganisationKind.Region },
                    new RegistryOrganisation { Code = "camden", Name = "Camden", Kind = Gateway.V1.OrganisationKind.Partnership, ParentCode = "london" },
                    new RegistryOrganisation { Code = "islington", Name = "Islington", Kind = Gateway.V1.OrganisationKind.Partnership, ParentCode = "london" },
                },
            });
        }
    }

    private sealed class Measures(Calls calls) : MeasuresAggregation.MeasuresAggregationBase
    {
        public override Task<GetMeasureAcrossOrganisationsResponse> GetMeasureAcrossOrganisations(GetMeasureAcrossOrganisationsRequest request, ServerCallContext context)
        {
            calls.Note(context);
            var response = new GetMeasureAcrossOrganisationsResponse { Figures = { Shown("london", FigureLevel.RegionTotal, "64.5") } };
            response.Outcomes.Add(new OrganisationOutcome { OrganisationCode = "camden", Status = OrganisationStatus.Ok });
            response.Outcomes.Add(new OrganisationOutcome { OrganisationCode = "islington", Status = OrganisationStatus.Ok });
            return Task.FromResult(response);
        }

        public override Task<CompareWithPeersResponse> CompareWithPeers(CompareWithPeersRequest request, ServerCallContext context)
        {
            calls.Note(context);
            var withheld = Shown("islington", FigureLevel.PartnershipTotal, "");
            withheld.State = FigureState.Suppressed;
            withheld.Numerator = new Count { Suppression = Gateway.V1.SuppressionReason.BelowThreshold };
            return Task.FromResult(new CompareWithPeersResponse
            {
                Peers = { new PeerFigure { Figure = Shown("camden", FigureLevel.PartnershipTotal, "72"), Rank = 1 }, new PeerFigure { Figure = withheld } },
                RankedCount = 1,
                Region = Shown("london", FigureLevel.RegionTotal, "64.5"),
            });
        }
    }

    private sealed class Audits(Calls calls) : AuditsAggregation.AuditsAggregationBase
    {
        public override Task<GetAuditResultsAcrossOrganisationsResponse> GetAuditResultsAcrossOrganisations(GetAuditResultsAcrossOrganisationsRequest request, ServerCallContext context)
        {
            calls.Note(context);
            var criterion = new AreaCriterionResult { CriterionId = "focus", Text = "The child remained the focus", ResponseType = Safeguarding.Audits.V1.ResponseType.Graded };
            criterion.Counts.Add(new AreaAnswerCount { Value = "GOOD", State = FigureState.Shown, Count = new Count { Value = "27" } });
            criterion.Counts.Add(new AreaAnswerCount { Value = "INADEQUATE", State = FigureState.Suppressed, Count = new Count { Suppression = Gateway.V1.SuppressionReason.BelowThreshold } });
            return Task.FromResult(new GetAuditResultsAcrossOrganisationsResponse
            {
                Outcomes =
                {
                    new OrganisationOutcome { OrganisationCode = "camden", Status = OrganisationStatus.Ok },
                    new OrganisationOutcome { OrganisationCode = "islington", Status = OrganisationStatus.Ok },
                    new OrganisationOutcome { OrganisationCode = "hackney", Status = OrganisationStatus.NoInstance },
                },
                Tools =
                {
                    new AreaToolResults
                    {
                        Title = "Multi-agency child protection audit", AuditsState = FigureState.Shown, AuditsCounted = new Count { Value = "55" },
                        IncludedOrganisationCodes = { "camden", "islington" }, Criteria = { criterion },
                    },
                },
            });
        }
    }

    private sealed class Surveys(Calls calls) : SurveysAggregation.SurveysAggregationBase
    {
        public override Task<GetSurveyResultsAcrossOrganisationsResponse> GetSurveyResultsAcrossOrganisations(GetSurveyResultsAcrossOrganisationsRequest request, ServerCallContext context)
        {
            calls.Note(context);
            var question = new AreaQuestionResult { Question = "supervised", Label = "Do you receive safeguarding supervision?" };
            question.Choices.Add(new AreaChoiceCount { Choice = "yes", Label = "Yes", State = FigureState.Shown, Count = new Count { Value = "70" } });
            question.Choices.Add(new AreaChoiceCount { Choice = "no", Label = "No", State = FigureState.Suppressed, Count = new Count { Suppression = Gateway.V1.SuppressionReason.BelowThreshold } });
            return Task.FromResult(new GetSurveyResultsAcrossOrganisationsResponse
            {
                Outcomes =
                {
                    new OrganisationOutcome { OrganisationCode = "camden", Status = OrganisationStatus.Ok },
                    new OrganisationOutcome { OrganisationCode = "islington", Status = OrganisationStatus.NoInstance },
                },
                Questionnaires =
                {
                    new AreaQuestionnaireResults
                    {
                        Meaning = "built-in:frontline-staff-annual:v1", Title = "Annual staff survey", ResponsesState = FigureState.Shown, Responses = new Count { Value = "87" },
                        IncludedOrganisationCodes = { "camden" }, Questions = { question },
                    },
                },
            });
        }
    }

    public const string SharedQuote = "Someone finally asked me what I wanted, and it changed the plan.";

    private sealed class Voices(Calls calls) : VoicesAggregation.VoicesAggregationBase
    {
        public override Task<ListRegionVoicesResponse> ListRegionVoices(ListRegionVoicesRequest request, ServerCallContext context)
        {
            calls.Note(context);
            return Task.FromResult(new ListRegionVoicesResponse
            {
                Outcomes = { new OrganisationOutcome { OrganisationCode = "camden", Status = OrganisationStatus.Ok } },
                Voices = { new RegionVoice { PartnershipCode = "camden", OrganisationCode = "camden", Text = SharedQuote, Attribution = "a young person aged 13\u201315" } },
            });
        }
    }

    private sealed class Themes(Calls calls) : CaseReviewsAggregation.CaseReviewsAggregationBase
    {
        public override Task<GetThemesAcrossPartnershipsResponse> GetThemesAcrossPartnerships(GetThemesAcrossPartnershipsRequest request, ServerCallContext context)
        {
            calls.Note(context);
            return Task.FromResult(new GetThemesAcrossPartnershipsResponse
            {
                Outcomes = { new OrganisationOutcome { OrganisationCode = "camden", Status = OrganisationStatus.Ok }, new OrganisationOutcome { OrganisationCode = "islington", Status = OrganisationStatus.Ok } },
                ReviewsWithFindingsState = FigureState.Shown,
                ReviewsWithFindings = new Count { Value = "11" },
                Themes = { new Gateway.V1.AreaTheme { ThemeId = "information-sharing", Title = "Information sharing", State = FigureState.Shown, Reviews = new Count { Value = "8" } } },
            });
        }
    }
}
