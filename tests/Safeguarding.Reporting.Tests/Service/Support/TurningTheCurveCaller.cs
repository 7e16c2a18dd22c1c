using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Tests.Service.Support;

/// <summary>
/// Calls safeguarding.reporting.v1.TurningTheCurveService over a channel to a test host: without a target as a platform
/// job (any organisation, for setting up), with one as an analyst of <paramref name="ownOrganisation"/> the way the gateway sends it.
/// </summary>
public sealed class TurningTheCurveCaller(GrpcChannel channel, string ownOrganisation)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service =
        TurningTheCurveReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("TurningTheCurveService");

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

    public Task<TurningTheCurve> CreateAsync(TurningTheCurve record, string? target = null) =>
        CallAsync<CreateTurningTheCurveRequest, TurningTheCurve>("CreateTurningTheCurve", new CreateTurningTheCurveRequest { Record = record }, target);

    public Task<TurningTheCurve> UpdateAsync(TurningTheCurve record, string? target = null) =>
        CallAsync<UpdateTurningTheCurveRequest, TurningTheCurve>("UpdateTurningTheCurve", new UpdateTurningTheCurveRequest { Record = record }, target);

    public Task<TurningTheCurve> GetAsync(string id, string? target = null) =>
        CallAsync<GetTurningTheCurveRequest, TurningTheCurve>("GetTurningTheCurve", new GetTurningTheCurveRequest { Id = id }, target);

    public async Task<IReadOnlyList<TurningTheCurve>> ListAsync(string organisation, string? target = null) =>
        (await CallAsync<ListTurningTheCurvesRequest, ListTurningTheCurvesResponse>("ListTurningTheCurves", new ListTurningTheCurvesRequest { OrganisationCode = organisation }, target)).Records;

    public Task<TurningTheCurve> AddActionAsync(string recordId, RegisterAction action, string? target = null) =>
        CallAsync<AddTurningTheCurveActionRequest, TurningTheCurve>("AddTurningTheCurveAction", new AddTurningTheCurveActionRequest { RecordId = recordId, Action = action }, target);
}
