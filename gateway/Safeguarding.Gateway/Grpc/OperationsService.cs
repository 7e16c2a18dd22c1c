using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Grpc.Health.V1;
using Safeguarding.Gateway.Aggregation;
using Safeguarding.Gateway.Registry;
using Safeguarding.Gateway.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
using GatewayKind = Safeguarding.Gateway.V1.OrganisationKind;
using Health = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Safeguarding.Gateway.Grpc;

/// <summary>safeguarding.gateway.v1.GatewayOperations: the registry in use and the health of every instance.</summary>
public sealed class OperationsService(OrganisationRegistry registry, FanOutEngine fanOut, UpstreamChannels channels) : GatewayOperations.GatewayOperationsBase
{
    public override Task<GetRegistryResponse> GetRegistry(GetRegistryRequest request, ServerCallContext context)
    {
        var snapshot = registry.Current;
        var response = new GetRegistryResponse { Version = snapshot.Version };
        response.Organisations.AddRange(snapshot.All.Select(o => new RegistryOrganisation
        {
            Code = o.Code,
            Name = o.Name,
            Kind = ToWire(o.Kind),
            ParentCode = o.ParentCode ?? string.Empty,
            Services = { o.Services.Keys.Order(StringComparer.Ordinal) },
        }));
        return Task.FromResult(response);
    }

    public override async Task<ListInstanceHealthResponse> ListInstanceHealth(ListInstanceHealthRequest request, ServerCallContext context)
    {
        var snapshot = registry.Current;
        var instances = snapshot.Instances;
        var outcomes = await fanOut.RunAsync(
            [.. instances.Select(i => i.Name)],
            async (name, budget) =>
            {
                var instance = instances.First(i => i.Name == name);
                var client = new global::Grpc.Health.V1.Health.HealthClient(channels.For(instance.Address));
                var answer = await client.CheckAsync(new HealthCheckRequest(), new CallOptions(deadline: budget.Deadline, cancellationToken: budget.CancellationToken));
                return answer.Status;
            },
            context.Deadline == DateTime.MaxValue ? null : context.Deadline,
            context.CancellationToken);

        var response = new ListInstanceHealthResponse();
        foreach (var (instance, outcome) in instances.Zip(outcomes))
        {
            response.Instances.Add(new InstanceHealth
            {
                InstanceName = instance.Name,
                Address = instance.Address.ToString(),
                ServingStatus = outcome.Status != OutcomeStatus.Ok ? ServingStatus.Unknown
                    : outcome.Value == Health.Serving ? ServingStatus.Serving : ServingStatus.NotServing,
                CheckStatus = OutcomeWire.ToWire(outcome.Status),
                Detail = outcome.Detail,
                OrganisationCodes = { snapshot.All.Where(o => o.Services.Values.Any(s => s.Address == instance.Address)).Select(o => o.Code) },
            });
        }

        return response;
    }

    private static GatewayKind ToWire(Registry.OrganisationKind kind) => kind switch
    {
        Registry.OrganisationKind.Region => GatewayKind.Region,
        Registry.OrganisationKind.Partnership => GatewayKind.Partnership,
        Registry.OrganisationKind.Agency => GatewayKind.Agency,
        Registry.OrganisationKind.Team => GatewayKind.Team,
        Registry.OrganisationKind.Locality => GatewayKind.Locality,
        _ => GatewayKind.Unspecified,
    };
}
