using Microsoft.AspNetCore.Http;
using Safeguarding.Gateway.Json;

namespace Safeguarding.Gateway.Tests.Json;

/// <summary>A JSON caller's deadline: gRPC's grpc-timeout or X-Request-Timeout seconds, the earlier winning; none means none.</summary>
public sealed class RequestDeadlineTests
{
    [Fact]
    public void Without_a_header_there_is_no_deadline()
    {
        var (deadline, rejection) = RequestDeadline.Read(new HeaderDictionary());

        Assert.Null(deadline);
        Assert.Null(rejection);
    }

    [Theory]
    [InlineData("2S", null, 2.0)]
    [InlineData(null, "2.5", 2.5)]
    [InlineData("10S", "1.5", 1.5)]
    [InlineData("500m", "30", 0.5)]
    public void The_earlier_of_the_two_headers_is_the_deadline(string? grpcTimeout, string? seconds, double expected)
    {
        var headers = new HeaderDictionary();
        if (grpcTimeout is not null)
        {
            headers["grpc-timeout"] = grpcTimeout;
        }

        if (seconds is not null)
        {
            headers["X-Request-Timeout"] = seconds;
        }

        var before = DateTime.UtcNow;
        var (deadline, rejection) = RequestDeadline.Read(headers);

        Assert.Null(rejection);
        Assert.InRange((deadline!.Value - before).TotalSeconds, expected - 0.5, expected + 0.5);
    }

    [Theory]
    [InlineData("grpc-timeout", "5 seconds")]
    [InlineData("X-Request-Timeout", "-1")]
    [InlineData("X-Request-Timeout", "0")]
    [InlineData("X-Request-Timeout", "1e3")]
    public void A_malformed_timeout_names_its_header(string header, string value)
    {
        var (deadline, rejection) = RequestDeadline.Read(new HeaderDictionary { [header] = value });

        Assert.Null(deadline);
        Assert.Equal(header, Assert.Single(rejection!.Problems).Field);
    }

    [Fact]
    public void A_huge_timeout_is_clamped_rather_than_overflowing()
    {
        var (deadline, rejection) = RequestDeadline.Read(new HeaderDictionary { ["grpc-timeout"] = "99999999H" });

        Assert.Null(rejection);
        Assert.InRange(deadline!.Value, DateTime.UtcNow.AddHours(23), DateTime.UtcNow.AddHours(25));
    }
}
