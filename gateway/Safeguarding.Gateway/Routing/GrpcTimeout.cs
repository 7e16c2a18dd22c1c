using System.Globalization;

namespace Safeguarding.Gateway.Routing;

/// <summary>
/// The grpc-timeout header: at most 8 ASCII digits followed by a unit
/// (H hours, M minutes, S seconds, m milliseconds, u microseconds, n nanoseconds).
/// </summary>
internal static class GrpcTimeout
{
    private const long MaxValue = 99_999_999;

    /// <summary>
    /// The longest delay a CancellationTokenSource timer takes (about 49.7 days). grpc-timeout allows
    /// up to 99999999 hours, so longer deadlines are kept but not armed: they cannot fire in practice.
    /// </summary>
    internal static readonly TimeSpan MaxTimerDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>Parses a grpc-timeout value; false when it is not well formed.</summary>
    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (value is null || value.Length < 2 || value.Length > 9)
        {
            return false;
        }

        var digits = value.AsSpan(0, value.Length - 1);
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        var amount = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        long? ticks = value[^1] switch
        {
            'H' => SaturatingMultiply(amount, TimeSpan.TicksPerHour),
            'M' => SaturatingMultiply(amount, TimeSpan.TicksPerMinute),
            'S' => amount * TimeSpan.TicksPerSecond,
            'm' => amount * TimeSpan.TicksPerMillisecond,
            'u' => amount * 10,
            'n' => amount / 100,
            _ => null,
        };
        if (ticks is null)
        {
            return false;
        }

        timeout = TimeSpan.FromTicks(ticks.Value);
        return true;
    }

    /// <summary>Formats a timeout with the finest unit whose value fits in 8 digits.</summary>
    public static string Format(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return "1n";
        }

        var ticks = timeout.Ticks;
        // Round up so a deadline is never shortened by formatting.
        if (ticks <= MaxValue / 100)
        {
            return Invariant(ticks * 100, 'n');
        }

        var micros = CeilDiv(ticks, 10);
        if (micros <= MaxValue)
        {
            return Invariant(micros, 'u');
        }

        var millis = CeilDiv(ticks, TimeSpan.TicksPerMillisecond);
        if (millis <= MaxValue)
        {
            return Invariant(millis, 'm');
        }

        var seconds = CeilDiv(ticks, TimeSpan.TicksPerSecond);
        if (seconds <= MaxValue)
        {
            return Invariant(seconds, 'S');
        }

        var minutes = CeilDiv(ticks, TimeSpan.TicksPerMinute);
        if (minutes <= MaxValue)
        {
            return Invariant(minutes, 'M');
        }

        return Invariant(Math.Min(CeilDiv(ticks, TimeSpan.TicksPerHour), MaxValue), 'H');
    }

    // Not (value + divisor - 1) / divisor: that overflows for timeouts near TimeSpan.MaxValue.
    private static long CeilDiv(long value, long divisor) => value / divisor + (value % divisor == 0 ? 0 : 1);

    private static long SaturatingMultiply(long a, long b) => a > TimeSpan.MaxValue.Ticks / b ? TimeSpan.MaxValue.Ticks : a * b;

    private static string Invariant(long value, char unit) => value.ToString(CultureInfo.InvariantCulture) + unit;
}
