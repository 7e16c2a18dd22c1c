namespace Safeguarding.Gateway.Aggregation;

/// <summary>How area-wide and London-wide queries fan out (section "Gateway:FanOut").</summary>
public sealed class FanOutOptions
{
    public const string Section = "Gateway:FanOut";

    /// <summary>Calls in flight at once for one query.</summary>
    public int MaxParallelism { get; set; } = 64;

    /// <summary>The deadline used when the caller sets none: a fan-out never runs unbounded.</summary>
    public TimeSpan DefaultDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest any fan-out runs, whatever deadline the caller sets.</summary>
    public TimeSpan MaxDeadline { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Time kept back from the caller's deadline (at most 15% of it) to merge, apply disclosure control and
    /// answer, and to absorb what the gateway cannot see: the caller's own time between starting its clock
    /// and its request arriving (connecting, first-call warm-up).
    /// </summary>
    public TimeSpan MergeReserve { get; set; } = TimeSpan.FromSeconds(1);
}
