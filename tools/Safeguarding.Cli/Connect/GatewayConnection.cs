using System.Collections.Concurrent;
using Safeguarding.Gateway.Auth;
using Grpc.Core;
using Grpc.Net.Client;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Cli.Connect;

/// <summary>
/// Calls through the gateway as a signed-in user: a bearer token (given, or minted with the embedded
/// platform's development key) and the organisation the call is for. Nothing reaches a service except
/// through the gateway's authentication, policies, audit and disclosure control.
/// </summary>
internal sealed class GatewayConnection : IDisposable
{
    private readonly ConcurrentDictionary<(string Organisation, string Roles), string> _minted = new();
    private readonly string? _developmentKey;
    private readonly string? _token;

    private GatewayConnection(Uri gateway, string? developmentKey, string? token)
    {
        // Report books can pass gRPC's usual 4 MiB.
        Channel = GrpcChannel.ForAddress(gateway, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = 64 * 1024 * 1024,
            ServiceConfig = ReadRetries.ServiceConfig(MeasuresService.Descriptor, ReportingService.Descriptor, Gateway.V1.MeasuresAggregation.Descriptor),
        });
        _developmentKey = developmentKey;
        _token = token;
    }

    public GrpcChannel Channel { get; }

    /// <summary>Mints a short-lived token per organisation and role set (local use only).</summary>
    public static GatewayConnection WithDevelopmentKey(Uri gateway, string developmentKey) => new(gateway, developmentKey, null);

    /// <summary>Uses one token the user already has (from `token`, or an OIDC issuer).</summary>
    public static GatewayConnection WithToken(Uri gateway, string token) => new(gateway, null, token);

    /// <summary>Call options for a call about <paramref name="organisation"/> by a member of it with <paramref name="roles"/>.</summary>
    public CallOptions As(string organisation, IReadOnlyCollection<string> roles, CancellationToken cancellationToken, TimeSpan? timeout = null) => new(
        headers: new Metadata
        {
            { "authorization", "Bearer " + TokenFor(organisation, roles) },
            { IdentityHeaders.TargetOrganisation, organisation },
        },
        deadline: DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(2)),
        cancellationToken: cancellationToken);

    /// <summary>Reporting's typed client on this connection.</summary>
    public ReportingService.ReportingServiceClient Reporting => new(Channel);

    /// <summary>Measures' typed client on this connection.</summary>
    public MeasuresService.MeasuresServiceClient Measures => new(Channel);

    public void Dispose() => Channel.Dispose();

    private string TokenFor(string organisation, IReadOnlyCollection<string> roles)
    {
        if (_token is not null)
        {
            return _token;
        }

        return _minted.GetOrAdd((organisation, string.Join(',', roles.Order(StringComparer.Ordinal))), key =>
            DevelopmentTokens.Mint(DevelopmentUserId(key.Organisation, roles), key.Organisation, roles, TimeSpan.FromHours(1), _developmentKey!));
    }

    // An opaque, stable id per demo user: never a name.
    public static string DevelopmentUserId(string organisation, IReadOnlyCollection<string> roles) =>
        $"dev-{string.Join('-', roles.Order(StringComparer.Ordinal))}-{organisation.ToLowerInvariant()}";
}
