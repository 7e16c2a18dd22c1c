using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Safeguarding.Gateway.Registry;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Safeguarding.Gateway.Routing;

/// <summary>
/// YARP's routes and clusters, built from the organisation registry and rebuilt when it changes: one cluster per
/// service instance (HTTP/2 only: h2c inside the cluster, TLS to an agency's ingress; watched on every call and probed
/// for readiness), and one route for every gRPC path the gateway does not serve itself. The route's own cluster has no
/// destinations: <see cref="ForwardingStep"/> assigns each call to its target's instance after the access checks, so a
/// call that skipped them could go nowhere.
/// </summary>
internal sealed class RegistryProxyConfig : IProxyConfigProvider, IDisposable
{
    /// <summary>The route's placeholder cluster.</summary>
    public const string UnassignedCluster = "unassigned";

    private const string RouteId = "grpc-forwarding";

    private readonly OrganisationRegistry _registry;
    private readonly ForwardingOptions _options;
    private volatile Snapshot _current;

    public RegistryProxyConfig(OrganisationRegistry registry, IOptions<ForwardingOptions> options)
    {
        _registry = registry;
        _options = options.Value;
        _current = Build(registry.Current);
        registry.Changed += OnRegistryChanged;
    }

    public IProxyConfig GetConfig() => _current;

    public void Dispose() => _registry.Changed -= OnRegistryChanged;

    private void OnRegistryChanged(RegistrySnapshot snapshot)
    {
        var previous = _current;
        _current = Build(snapshot);
        previous.Expire();
    }

    private Snapshot Build(RegistrySnapshot registry)
    {
        var route = new RouteConfig
        {
            RouteId = RouteId,
            ClusterId = UnassignedCluster,
            // Literal paths (the gateway's own services, health, reflection, the JSON facade) win over this pattern.
            Order = int.MaxValue,
            Match = new RouteMatch { Path = "/{service}/{method}", Methods = ["POST"] },
        };
        // The survey respondent's pages (RespondentRoute): anonymous HTTP, not gRPC; also assigned by the first step.
        var respondent = new RouteConfig
        {
            RouteId = RespondentRoute.RouteId,
            ClusterId = UnassignedCluster,
            Order = 0,
            Match = new RouteMatch { Path = "/s/{**rest}", Methods = ["GET", "HEAD", "POST"] },
        };
        var clusters = registry.Instances
            .Select(Cluster)
            .Append(new ClusterConfig { ClusterId = UnassignedCluster })
            .ToList();
        return new Snapshot([route, respondent], clusters);
    }

    private ClusterConfig Cluster(ServiceInstance instance) => new()
    {
        ClusterId = ClusterIdOf(instance),
        Destinations = new Dictionary<string, DestinationConfig>(StringComparer.Ordinal)
        {
            [instance.Name] = new() { Address = instance.Address.ToString() },
        },
        HttpRequest = new ForwarderRequestConfig
        {
            Version = System.Net.HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            ActivityTimeout = _options.ActivityTimeout,
            AllowResponseBuffering = false,
        },
        HttpClient = new HttpClientConfig { EnableMultipleHttp2Connections = true },
        HealthCheck = new HealthCheckConfig
        {
            // A lone instance marked unhealthy is still tried: refusing every call for a reactivation period is worse.
            AvailableDestinationsPolicy = "HealthyOrPanic",
            Passive = new PassiveHealthCheckConfig { Enabled = true, Policy = "TransportFailureRate", ReactivationPeriod = TimeSpan.FromSeconds(30) },
            Active = new ActiveHealthCheckConfig
            {
                Enabled = _options.ActiveHealthChecks,
                Interval = _options.HealthInterval,
                Timeout = TimeSpan.FromSeconds(5),
                Policy = "ConsecutiveFailures",
                Path = _options.HealthPath,
            },
        },
    };

    /// <summary>The cluster that serves a registry instance.</summary>
    public static string ClusterIdOf(ServiceInstance instance) => "instance:" + instance.Name;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "Cancelled once when replaced; a source without a timer holds nothing to release.")]
    private sealed class Snapshot(IReadOnlyList<RouteConfig> routes, IReadOnlyList<ClusterConfig> clusters) : IProxyConfig
    {
        private readonly CancellationTokenSource _expired = new();

        public IReadOnlyList<RouteConfig> Routes { get; } = routes;

        public IReadOnlyList<ClusterConfig> Clusters { get; } = clusters;

        public IChangeToken ChangeToken => new CancellationChangeToken(_expired.Token);

        public void Expire() => _expired.Cancel();
    }
}
