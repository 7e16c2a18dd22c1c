using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Service.Support;

/// <summary>
/// Calls safeguarding.reporting.v1.QaPlanningService over a channel to a test host: without a target as a platform job (any
/// organisation, for setting up), with one as a member of <paramref name="ownOrganisation"/> the way the gateway sends it.
/// </summary>
public sealed class QaPlanningCaller(GrpcChannel channel, string ownOrganisation)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service =
        QaPlanningReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("QaPlanningService");

    /// <summary>A channel to the host's gRPC endpoint; the test disposes of it.</summary>
    public static GrpcChannel ChannelTo(ReportingHost host) =>
        GrpcChannel.ForAddress(new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));

    public Task<TResponse> CallAsync<TRequest, TResponse>(string method, TRequest request, string? target = null)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var headers = target is null
            ? DevelopmentTokens.Headers(ReportingClient.DevelopmentKey, "user-analyst-1", ownOrganisation, ["analyst", ReportingClient.JobRole])
            : DevelopmentTokens.Headers(ReportingClient.DevelopmentKey, "user-analyst-1", ownOrganisation, ["analyst"], target);
        var options = new CallOptions(headers: headers, deadline: DateTime.UtcNow.AddMinutes(2));
        return channel.UnaryCall(DescriptorMethods.Create<TRequest, TResponse>(Service, method), request, options).ResponseAsync;
    }

    public Task<QaActivity> CreateAsync(QaActivity activity, string? target = null) =>
        CallAsync<CreateQaActivityRequest, QaActivity>("CreateQaActivity", new CreateQaActivityRequest { Activity = activity }, target);

    public Task<QaActivity> UpdateAsync(QaActivity activity, string? target = null) =>
        CallAsync<UpdateQaActivityRequest, QaActivity>("UpdateQaActivity", new UpdateQaActivityRequest { Activity = activity }, target);

    public Task<QaCoverage> CoverageAsync(string organisation, int firstYear = 0, string? target = null) =>
        CallAsync<GetQaCoverageRequest, QaCoverage>("GetQaCoverage", new GetQaCoverageRequest { OrganisationCode = organisation, FirstYear = firstYear }, target);

    public Task<ChartAnnotation> AnnotateAsync(ChartAnnotation annotation, string? target = null) =>
        CallAsync<CreateChartAnnotationRequest, ChartAnnotation>("CreateChartAnnotation", new CreateChartAnnotationRequest { Annotation = annotation }, target);
}
