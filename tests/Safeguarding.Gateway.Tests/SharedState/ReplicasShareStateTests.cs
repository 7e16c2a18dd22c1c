using System.Diagnostics;
using System.Net;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Tests.Support;
using Safeguarding.GatewayTest.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Tests.SharedState;

/// <summary>
/// Two gateway replicas with one real redis-server between them, as the London Board runs them behind a load
/// balancer: a caller's rate limit, a signed-out session and a form's proof hold on both; with Redis gone they keep answering, limit
/// callers each on their own, refuse signed-in calls rather than honour a session that may have been signed out, and
/// say so in their readiness; with Redis back, calls go through again.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ReplicasShareStateTests : IAsyncLifetime, IDisposable
{
    private const int Burst = 4;

    // One deployment's keys: both replicas share them, and no other test's.
    private readonly string _keyPrefix = "test-" + Guid.NewGuid().ToString("N") + ":";

    private readonly TestCertificates _certificates = new();
    private RedisServer _redis = null!;
    private TestBackend _camden = null!;
    private GatewayHost _first = null!;
    private GatewayHost _second = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _camden = await TestBackend.StartAsync("camden-shared");
        _first = await StartReplicaAsync();
        _second = await StartReplicaAsync();
        // As a load balancer would: send nothing to a replica before it says it is ready (Redis connected).
        await EventuallyAsync(async () => await ReadinessAsync(_first) == "Healthy" && await ReadinessAsync(_second) == "Healthy");
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _camden.DisposeAsync();
        await _redis.DisposeAsync();
    }

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public async Task A_callers_rate_limit_holds_across_both_replicas()
    {
        var token = TestTokens.For("busy-user", "camden-csc", Roles.Analyst);
        var clock = Stopwatch.StartNew();
        var answered = 0;
        for (var i = 0; i < Burst * 3; i++)
        {
            var replica = i % 2 == 0 ? _first : _second;
            try
            {
                await replica.Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(token));
                answered++;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.ResourceExhausted)
            {
            }
        }

        // One bucket of Burst permits refilled at one a second, shared: alone, each replica would have let 2 x Burst through.
        Assert.InRange(answered, Burst, Burst + (int)Math.Ceiling(clock.Elapsed.TotalSeconds));
    }

    [Fact]
    public async Task A_session_signed_out_on_one_replica_is_refused_on_the_other()
    {
        var token = TestTokens.For("browser-user", "camden-csc", Roles.Analyst);
        Assert.Equal("camden-shared", (await _second.Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(token))).Instance);

        // The sign-out form came from the other replica: its proof holds on this one (shared Data Protection keys).
        using var signOut = await SignOutAsync(_first, token, formFrom: _second);
        Assert.Equal(HttpStatusCode.SeeOther, signOut.StatusCode);
        using (var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(_redis.Configuration))
        {
            var keys = await redis.GetDatabase().ListRangeAsync(_keyPrefix + "data-protection-keys");
            Assert.NotEmpty(keys);
            // Encrypted with the certificate both replicas mount: reading Redis does not give the key material.
            Assert.All(keys, key => Assert.Contains("EncryptedData", key.ToString(), StringComparison.Ordinal));
            Assert.All(keys, key => Assert.DoesNotContain("<value>", key.ToString(), StringComparison.Ordinal));
        }


        var refused = await Assert.ThrowsAsync<RpcException>(async () => await _second.Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(token)));
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        // Another session of the same user is not affected.
        var other = TestTokens.For("browser-user", "camden-csc", Roles.Analyst, "board-member");
        Assert.Equal("camden-shared", (await _second.Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(other))).Instance);
    }

    [Fact]
    public async Task Without_redis_the_replicas_answer_refuse_signed_in_calls_and_say_so_and_recover_when_it_returns()
    {
        var token = TestTokens.For("steady-user", "camden-csc", Roles.Analyst);
        Assert.Equal("Healthy", await ReadinessAsync(_first));

        await _redis.StopAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await _first.Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(token)));
        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.Equal("Degraded", await ReadinessAsync(_first));
        // Health itself needs no sign-in and still answers.
        var health = new global::Grpc.Health.V1.Health.HealthClient(_first.Channel);
        Assert.Equal(global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new())).Status);

        await _redis.StartAgainAsync();

        await EventuallyAsync(async () => (await _first.Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(token))).Instance == "camden-shared");
        Assert.Equal("Healthy", await ReadinessAsync(_first));
    }

    private Task<GatewayHost> StartReplicaAsync()
    {
        var registry = TestRegistry.Document(new Dictionary<string, Uri>
        {
            ["camden-shared"] = _camden.Address,
            ["islington"] = _camden.Address,
            ["islington-csc"] = _camden.Address,
        });
        return GatewayHost.StartAsync(registry, settings: new Dictionary<string, string?>
        {
            ["Gateway:SharedState:Redis"] = _redis.Configuration,
            ["Gateway:SharedState:KeyPrefix"] = _keyPrefix,
            ["Gateway:SharedState:KeyProtectionCertificatePath"] = _certificates.GatewayCertificatePath,
            ["Gateway:SharedState:KeyProtectionKeyPath"] = _certificates.GatewayKeyPath,
            // Generous for a loaded CI machine; stopping Redis fails fast on the closed connection, not on this timeout.
            ["Gateway:SharedState:OperationTimeout"] = "00:00:05",
            ["Gateway:RateLimit:PermitsPerSecond"] = "1",
            ["Gateway:RateLimit:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    /// <summary>Signs out on <paramref name="replica"/> with a sign-out form served by <paramref name="formFrom"/> (the same one by default).</summary>
    private static async Task<HttpResponseMessage> SignOutAsync(GatewayHost replica, string token, GatewayHost? formFrom = null)
    {
        using var formSite = H2cClient(formFrom ?? replica);
        var proof = await FormProof.FetchAsync(formSite, HttpVersion.Version20);
        using var http = H2cClient(replica);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/reports/signout")
        {
            Content = new FormUrlEncodedContent([new(FormProof.FieldName, proof.Field)]),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.Add("Cookie", "sg-session=" + token + "; " + proof.Cookie);
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return await http.SendAsync(request);
    }

    private static async Task<string> ReadinessAsync(GatewayHost replica)
    {
        using var http = H2cClient(replica);
        using var response = await http.GetAsync("/healthz/ready");
        return (await response.Content.ReadAsStringAsync()).Trim();
    }

    private static HttpClient H2cClient(GatewayHost replica) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = replica.Address,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable)
            {
                // Still reconnecting.
            }

            await Task.Delay(200, patience.Token);
        }
    }
}
