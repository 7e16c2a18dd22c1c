using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Safeguarding.Gateway.Auth;

/// <summary>
/// Signing keys of an OIDC issuer: its discovery document names the JWKS, whose keys are cached for
/// <see cref="AuthOptions.KeyRefreshInterval"/>. A token signed with an unknown key id forces a fetch
/// (at most once per <see cref="AuthOptions.MinimumKeyRefreshInterval"/>, so bad tokens cannot make the
/// gateway hammer the issuer). When a fetch fails, the keys already held stay in use.
/// </summary>
internal sealed class OidcSigningKeySource : ISigningKeySource, IDisposable
{
    public const string HttpClientName = "oidc-metadata";

    private readonly HttpClient _http;
    private readonly AuthOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Uri _discovery;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private KeyCache? _cache;
    private DateTimeOffset _lastForcedFetch = DateTimeOffset.MinValue;

    public OidcSigningKeySource(HttpClient http, AuthOptions options, TimeProvider time, ILogger logger)
    {
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
        var authority = options.Authority!.TrimEnd('/');
        _discovery = new Uri(authority + "/.well-known/openid-configuration");
        RequireAllowedScheme(_discovery);
        Issuer = string.IsNullOrWhiteSpace(options.Issuer) ? authority : options.Issuer;
        Algorithms = [.. options.ValidAlgorithms.Where(a => !a.Equals("none", StringComparison.OrdinalIgnoreCase))];
    }

    public string Issuer { get; }

    public IReadOnlyCollection<string> Algorithms { get; }

    public async ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(CancellationToken cancellationToken)
    {
        var cache = Volatile.Read(ref _cache);
        if (cache is not null && _time.GetUtcNow() < cache.NextFetch)
        {
            return cache.Keys;
        }

        await LoadAsync(forced: false, cancellationToken);
        return Volatile.Read(ref _cache)?.Keys
            ?? throw new SigningKeysUnavailableException("The issuer's signing keys could not be loaded.");
    }

    public async ValueTask<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (now - _lastForcedFetch < _options.MinimumKeyRefreshInterval)
        {
            return false;
        }

        _lastForcedFetch = now;
        var before = Volatile.Read(ref _cache);
        await LoadAsync(forced: true, cancellationToken);
        return !ReferenceEquals(before, Volatile.Read(ref _cache));
    }

    public void Dispose() => _gate.Dispose();

    private async Task LoadAsync(bool forced, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var cache = Volatile.Read(ref _cache);
            if (!forced && cache is not null && _time.GetUtcNow() < cache.NextFetch)
            {
                return; // Another caller fetched while this one waited.
            }

            try
            {
                var keys = await FetchAsync(cancellationToken);
                Volatile.Write(ref _cache, new KeyCache(keys, _time.GetUtcNow() + _options.KeyRefreshInterval));
                AuthLog.KeysLoaded(_logger, keys.Count);
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or ArgumentException or InvalidOperationException or KeyNotFoundException or FormatException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                AuthLog.KeysFetchFailed(_logger, ex.GetType().Name, cache is not null);
                if (cache is not null)
                {
                    // Keep the old keys; try again after the short interval rather than on every call.
                    Volatile.Write(ref _cache, cache with { NextFetch = _time.GetUtcNow() + _options.MinimumKeyRefreshInterval });
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlyList<SecurityKey>> FetchAsync(CancellationToken cancellationToken)
    {
        using var discovery = JsonDocument.Parse(await _http.GetStringAsync(_discovery, cancellationToken));
        var root = discovery.RootElement;
        var issuer = root.GetProperty("issuer").GetString();
        // A discovery document for another issuer (mix-up) must not supply our keys.
        if (!string.Equals(issuer?.TrimEnd('/'), Issuer.TrimEnd('/'), StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The discovery document names a different issuer.");
        }

        var jwksUri = new Uri(root.GetProperty("jwks_uri").GetString() ?? string.Empty, UriKind.Absolute);
        RequireAllowedScheme(jwksUri);
        var set = new JsonWebKeySet(await _http.GetStringAsync(jwksUri, cancellationToken));
        var keys = set.GetSigningKeys();
        return keys.Count > 0 ? [.. keys] : throw new InvalidOperationException("The JWKS holds no usable signing key.");
    }

    private void RequireAllowedScheme(Uri uri)
    {
        if (uri.Scheme != Uri.UriSchemeHttps && (_options.RequireHttpsMetadata || uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException($"OIDC metadata must be fetched over https ({uri.Scheme} given).");
        }
    }

    private sealed record KeyCache(IReadOnlyList<SecurityKey> Keys, DateTimeOffset NextFetch);
}
