using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Gateway;

/// <summary>
/// The one way the web application reaches the platform: gRPC to the gateway, as the signed-in user (their bearer
/// token) about one organisation (the target header the gateway checks against the token).
/// </summary>
public sealed class GatewayCalls : IDisposable
{
    private const string TargetHeader = "x-sg-target-organisation";
    private readonly TimeSpan _timeout;

    public GatewayCalls(IOptions<WebOptions> options)
    {
        var address = options.Value.GatewayAddress
            ?? throw new OptionsValidationException(WebOptions.Section, typeof(WebOptions), ["Web:GatewayAddress (the gateway's gRPC address) is required."]);
        Channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = 32 * 1024 * 1024 });
        _timeout = options.Value.CallTimeout;
    }

    public GrpcChannel Channel { get; }

    public Measures.V1.MeasuresService.MeasuresServiceClient Measures => new(Channel);

    public Measures.V1.ReturnsService.ReturnsServiceClient Returns => new(Channel);

    public Safeguarding.Gateway.V1.MeasuresAggregation.MeasuresAggregationClient Aggregation => new(Channel);

    public Reporting.V1.ReportingService.ReportingServiceClient Reporting => new(Channel);

    public Reporting.V1.ActionsRegisterService.ActionsRegisterServiceClient ActionsRegister => new(Channel);

    public Reporting.V1.QaPlanningService.QaPlanningServiceClient QaPlanning => new(Channel);

    public CaseReviews.V1.CaseReviewsService.CaseReviewsServiceClient CaseReviews => new(Channel);

    public Audits.V1.AuditsService.AuditsServiceClient Audits => new(Channel);

    public Surveys.V1.SurveysService.SurveysServiceClient Surveys => new(Channel);

    /// <summary>Options for a call by <paramref name="user"/> about <paramref name="organisation"/> (their own by default).</summary>
    public CallOptions As(SignedInUser user, CancellationToken cancellationToken, string? organisation = null) =>
        As(user, _timeout, cancellationToken, organisation);

    /// <summary>As <see cref="As(SignedInUser, CancellationToken, string?)"/>, for long work (an import) given <paramref name="timeout"/>.</summary>
    public CallOptions As(SignedInUser user, TimeSpan timeout, CancellationToken cancellationToken, string? organisation = null) => new(
        headers: new Metadata
        {
            { "authorization", "Bearer " + user.Token },
            { TargetHeader, organisation ?? user.Organisation },
        },
        deadline: DateTime.UtcNow + timeout,
        cancellationToken: cancellationToken);

    public void Dispose() => Channel.Dispose();
}
