using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Safeguarding.Platform.Hosting;

/// <summary>
/// Honours an already-expired deadline, which grpc-dotnet does not: it reads a grpc-timeout that rounds to zero
/// ("0S", "1n", anything under 100 ns) as no deadline at all, so the handler would run unbounded. Such a call is
/// answered trailers-only DEADLINE_EXCEEDED before any handler runs. A malformed grpc-timeout is left to grpc-dotnet,
/// which ignores it (the call runs without a deadline), as the spec allows — never INTERNAL.
/// </summary>
internal sealed class GrpcTimeoutGuard : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(GuardAsync);
        next(app);
    };

    /// <summary>The grpc-timeout's length, or null when it is not of the form 1–8 digits and a unit (H M S m u n).</summary>
    internal static TimeSpan? Parse(string value)
    {
        if (value.Length is < 2 or > 9 || !long.TryParse(value.AsSpan(0, value.Length - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        return value[^1] switch
        {
            'H' => TimeSpan.FromHours(amount),
            'M' => TimeSpan.FromMinutes(amount),
            'S' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMilliseconds(amount),
            'u' => TimeSpan.FromTicks(amount * TimeSpan.TicksPerMicrosecond),
            'n' => TimeSpan.FromTicks(amount / TimeSpan.NanosecondsPerTick),
            _ => null,
        };
    }

    private static Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var header = context.Request.Headers["grpc-timeout"];
        if (header.Count != 1
            || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) != true
            || Parse(header[0]!) is not { } timeout
            || timeout > TimeSpan.Zero)
        {
            return next(context);
        }

        // Trailers-only: the status travels in the one HEADERS frame.
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = "4";
        context.Response.Headers["grpc-message"] = "Deadline Exceeded";
        return Task.CompletedTask;
    }
}
