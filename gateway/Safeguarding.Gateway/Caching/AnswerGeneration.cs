using Safeguarding.Gateway.SharedState;
using StackExchange.Redis;

namespace Safeguarding.Gateway.Caching;

/// <summary>
/// The generation of the figures behind cached answers: part of every cache key, advanced when figures change, so
/// one replica hearing of a change retires every replica's entries (in-memory ones included) at once.
/// </summary>
public interface IAnswerGeneration
{
    /// <summary>The current generation; throws <see cref="RedisException"/> when shared state is unreachable.</summary>
    Task<long> CurrentAsync();

    Task AdvanceAsync();
}

/// <summary>One gateway process.</summary>
internal sealed class MemoryAnswerGeneration : IAnswerGeneration
{
    private long _generation;

    public Task<long> CurrentAsync() => Task.FromResult(Interlocked.Read(ref _generation));

    public Task AdvanceAsync()
    {
        Interlocked.Increment(ref _generation);
        return Task.CompletedTask;
    }
}

/// <summary>Every replica: one Redis counter.</summary>
internal sealed class RedisAnswerGeneration(SharedRedis redis) : IAnswerGeneration
{
    private RedisKey Key => redis.KeyPrefix + "area-answers:generation";

    public async Task<long> CurrentAsync() => (long?)await redis.Database.StringGetAsync(Key) ?? 0;

    public Task AdvanceAsync() => redis.Database.StringIncrementAsync(Key);
}
