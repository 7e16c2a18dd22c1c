using System.Security.Cryptography;
using Google.Protobuf;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using Safeguarding.Gateway.Auth;
using StackExchange.Redis;

namespace Safeguarding.Gateway.Caching;

/// <summary>An answer and whether every organisation in it answered (only complete answers are kept).</summary>
public sealed record AreaResult<TResponse>(TResponse Response, bool Complete);

/// <summary>
/// Area-wide and London-wide answers, kept after disclosure control and keyed by what was asked and what the caller
/// may see (organisation, roles, RPC), never by less: one organisation's view is never served to another. Partial
/// answers (an instance timed out or was down) are not kept. With shared state unreachable the cache is bypassed.
/// </summary>
public sealed class AreaAnswerCache(HybridCache cache, IAnswerGeneration generation, IOptions<AreaCacheOptions> options, ILogger<AreaAnswerCache> logger)
{
    private readonly HybridCacheEntryOptions _entry = new()
    {
        Expiration = options.Value.Expiry,
        LocalCacheExpiration = options.Value.Expiry,
    };

    public async Task<TResponse> GetOrRunAsync<TResponse>(
        GatewayCall call, IMessage request, Func<CancellationToken, Task<AreaResult<TResponse>>> run, CancellationToken cancellationToken)
        where TResponse : class, IMessage<TResponse>, new()
    {
        if (!options.Value.Enabled)
        {
            return (await run(cancellationToken)).Response;
        }

        string key;
        try
        {
            key = Key(await generation.CurrentAsync(), call, request);
        }
        catch (RedisException ex)
        {
            CacheLog.Bypassed(logger, ex.GetType().Name);
            return (await run(cancellationToken)).Response;
        }

        var ranHere = false;
        var complete = false;
        TResponse response;
        try
        {
            response = await cache.GetOrCreateAsync(key, async token =>
            {
                ranHere = true;
                var result = await run(token);
                complete = result.Complete;
                return result.Response;
            }, _entry, cancellationToken: cancellationToken);
        }
        catch (RedisException ex)
        {
            CacheLog.Bypassed(logger, ex.GetType().Name);
            return (await run(cancellationToken)).Response;
        }

        if (ranHere && !complete)
        {
            await cache.RemoveAsync(key, CancellationToken.None);
        }

        return response;
    }

    /// <summary>Drops every kept answer, on every replica sharing this cache.</summary>
    public async Task InvalidateAsync()
    {
        try
        {
            await generation.AdvanceAsync();
        }
        catch (RedisException ex)
        {
            // Entries still expire; the next successful invalidation retires them all.
            CacheLog.InvalidationFailed(logger, ex.GetType().Name);
        }
    }

    internal static string Key(long generation, GatewayCall call, IMessage request)
    {
        var caller = call.Caller ?? throw new InvalidOperationException("Area answers are only for signed-in callers.");
        var roles = string.Join(',', caller.Roles.Order(StringComparer.Ordinal));
        var asked = Convert.ToHexStringLower(SHA256.HashData(request.ToByteArray()));
        return $"area-answer:{generation}:{call.Policy.Path}:{caller.OrganisationCode.ToLowerInvariant()}:{roles}:{asked}";
    }
}

internal static partial class CacheLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Area answer cache bypassed: shared state unreachable ({Reason})")]
    public static partial void Bypassed(ILogger logger, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Area answer cache could not be invalidated: shared state unreachable ({Reason}); entries expire on their own")]
    public static partial void InvalidationFailed(ILogger logger, string reason);
}
