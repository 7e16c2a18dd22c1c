namespace Safeguarding.Platform.Grpc.Tests.Unit;

public sealed class GrpcTimeoutTests
{
    public static TheoryData<string, long> WellFormed => new()
    {
        { "1H", TimeSpan.TicksPerHour },
        { "2M", 2 * TimeSpan.TicksPerMinute },
        { "3S", 3 * TimeSpan.TicksPerSecond },
        { "250m", 250 * TimeSpan.TicksPerMillisecond },
        { "7u", 70 },
        { "300n", 3 },
        { "0S", 0 },
        { "00000010m", 10 * TimeSpan.TicksPerMillisecond },
        { "99999999S", 99_999_999 * TimeSpan.TicksPerSecond },
        { "99999999H", 99_999_999 * TimeSpan.TicksPerHour },
    };

    [Theory]
    [MemberData(nameof(WellFormed))]
    public void Parses_every_unit(string value, long ticks)
    {
        Assert.True(GrpcTimeout.TryParse(value, out var timeout));
        Assert.Equal(TimeSpan.FromTicks(ticks), timeout);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("1")]
    [InlineData("10")]
    [InlineData("123456789S")] // nine digits
    [InlineData("1s")] // units are case-sensitive: s is not S
    [InlineData("1h")]
    [InlineData("1x")]
    [InlineData("-1S")]
    [InlineData("+1S")]
    [InlineData(" 1S")]
    [InlineData("1 S")]
    [InlineData("1.5S")]
    [InlineData("1e3m")]
    [InlineData("１S")] // a non-ASCII digit
    public void Rejects_malformed_values(string? value)
    {
        Assert.False(GrpcTimeout.TryParse(value, out _));
    }

    [Theory]
    [InlineData(1, "100n")]
    [InlineData(999_999, "99999900n")]
    [InlineData(1_000_000, "100000u")]
    [InlineData(TimeSpan.TicksPerSecond, "1000000u")]
    [InlineData(TimeSpan.TicksPerMinute, "60000000u")]
    [InlineData(TimeSpan.TicksPerHour, "3600000m")]
    [InlineData(TimeSpan.TicksPerDay, "86400000m")]
    [InlineData(TimeSpan.TicksPerDay * 365, "31536000S")]
    [InlineData(TimeSpan.TicksPerDay * 365 * 100, "52560000M")]
    public void Formats_with_the_finest_unit_that_fits_in_eight_digits(long ticks, string expected)
    {
        Assert.Equal(expected, GrpcTimeout.Format(TimeSpan.FromTicks(ticks)));
    }

    [Theory]
    [InlineData(1_000_001, "100001u")] // 100000.1 µs
    [InlineData(999_999_991, "100000m")] // 99999999.1 µs needs nine digits: 99999.9991 ms
    [InlineData(TimeSpan.TicksPerDay * 1200 + 1, "1728001M")] // 103680000.0000001 s needs nine digits
    public void Rounds_up_so_a_deadline_is_never_shortened(long ticks, string expected)
    {
        var formatted = GrpcTimeout.Format(TimeSpan.FromTicks(ticks));

        Assert.Equal(expected, formatted);
        Assert.True(GrpcTimeout.TryParse(formatted, out var parsed));
        Assert.True(parsed >= TimeSpan.FromTicks(ticks));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void Formats_a_timeout_already_passed_as_the_smallest_value(long ticks)
    {
        Assert.Equal("1n", GrpcTimeout.Format(TimeSpan.FromTicks(ticks)));
    }

    [Fact]
    public void Caps_an_enormous_timeout_at_eight_digits_of_hours()
    {
        Assert.Equal("99999999H", GrpcTimeout.Format(TimeSpan.MaxValue));
        Assert.Equal("99999999H", GrpcTimeout.Format(TimeSpan.FromTicks(99_999_999 * TimeSpan.TicksPerHour + 1)));

        var untilTheEndOfTime = GrpcTimeout.Format(DateTime.MaxValue - DateTime.UtcNow);
        Assert.EndsWith("H", untilTheEndOfTime, StringComparison.Ordinal);
        Assert.InRange(untilTheEndOfTime.Length, 2, 9);
    }

    [Fact]
    public void Every_formatted_value_is_at_most_eight_digits_and_parses_back_no_shorter()
    {
        var random = new Random(1234);
        for (var i = 0; i < 2000; i++)
        {
            var ticks = (long)Math.Pow(10, random.NextDouble() * 18.9);
            var formatted = GrpcTimeout.Format(TimeSpan.FromTicks(ticks));

            Assert.InRange(formatted.Length, 2, 9);
            Assert.True(GrpcTimeout.TryParse(formatted, out var parsed), formatted);
            Assert.True(parsed >= TimeSpan.FromTicks(Math.Min(ticks, 99_999_999 * TimeSpan.TicksPerHour)), $"{formatted} < {ticks} ticks");
        }
    }
}
