using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace Safeguarding.Gateway.SharedState;

/// <summary>
/// Tokens whose sessions were signed out, until they would have expired anyway. Kept by a hash of the token, never
/// the token. A replica that cannot tell whether a token was signed out refuses it (<see cref="RevocationUnknownException"/>).
/// </summary>
public interface ISignedOutTokens
{
    /// <summary>Records a sign-out; throws <see cref="RevocationUnknownException"/> when it cannot be shared.</summary>
    Task SignOutAsync(string token, DateTimeOffset expires, CancellationToken cancellationToken);

    /// <summary>Whether the token was signed out; throws <see cref="RevocationUnknownException"/> when that cannot be told.</summary>
    Task<bool> IsSignedOutAsync(string token, CancellationToken cancellationToken);
}

/// <summary>The store of signed-out tokens could not be reached.</summary>
public sealed class RevocationUnknownException(Exception inner) : Exception("Signed-out sessions cannot be checked right now.", inner);

internal static class TokenHash
{
    public static string Of(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>One gateway process: signed-out tokens in memory, dropped once expired.</summary>
internal sealed class MemorySignedOutTokens(TimeProvider clock) : ISignedOutTokens
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);

    public Task SignOutAsync(string token, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var (hash, expiry) in _expiries)
        {
            if (expiry <= now)
            {
                _expiries.TryRemove(hash, out _);
            }
        }

        _expiries[TokenHash.Of(token)] = expires;
        return Task.CompletedTask;
    }

    public Task<bool> IsSignedOutAsync(string token, CancellationToken cancellationToken) =>
        Task.FromResult(_expiries.TryGetValue(TokenHash.Of(token), out var expiry) && expiry > clock.GetUtcNow());
}

/// <summary>Every replica: a Redis key per signed-out token, expiring with the token.</summary>
internal sealed class RedisSignedOutTokens(SharedRedis redis, TimeProvider clock) : ISignedOutTokens
{
    public async Task SignOutAsync(string token, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var left = expires - clock.GetUtcNow();
        if (left <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await redis.Database.StringSetAsync(Key(token), "1", left);
        }
        catch (RedisException ex)
        {
            throw new RevocationUnknownException(ex);
        }
    }

    public async Task<bool> IsSignedOutAsync(string token, CancellationToken cancellationToken)
    {
        try
        {
            return await redis.Database.KeyExistsAsync(Key(token));
        }
        catch (RedisException ex)
        {
            throw new RevocationUnknownException(ex);
        }
    }

    private RedisKey Key(string token) => redis.KeyPrefix + "signed-out:" + TokenHash.Of(token);
}
