using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Safeguarding.Bench.Gateway;

/// <summary>What one h2load run reported.</summary>
internal sealed record H2LoadRun(double RequestsPerSecond, long Total, long Succeeded, long Failed, long Errored, string MeanLatency);

/// <summary>Runs h2load (Debian's nghttp2-client) against one gRPC method URL with a fixed framed request body.</summary>
internal static partial class H2Load
{
    private static Process? s_running;

    /// <summary>A unary gRPC request as h2load posts it: the length-prefixed message (uncompressed).</summary>
    public static byte[] Frame(byte[] message)
    {
        var framed = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1, 4), (uint)message.Length);
        message.CopyTo(framed, 5);
        return framed;
    }

    /// <summary>Stops a run in progress (Ctrl+C, or the bench failing), so no h2load outlives the bench.</summary>
    public static void KillRunning()
    {
        try
        {
            s_running?.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public static H2LoadRun Run(Uri url, string bodyFile, IEnumerable<string> headers, int requests, int connections, int streams)
    {
        var start = new ProcessStartInfo("h2load") { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] arguments =
        [
            "-n", requests.ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-m", streams.ToString(CultureInfo.InvariantCulture),
            "-t", "1",
            "-d", bodyFile,
            "-H", "content-type: application/grpc",
            "-H", "te: trailers",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var header in headers)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add(header);
        }

        start.ArgumentList.Add(url.ToString());
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start h2load.");
        s_running = process;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        s_running = null;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"h2load exited with {process.ExitCode}: {errors.Result}\n{output}");
        }

        var finished = Finished().Match(output);
        var counts = Requests().Match(output);
        var ok = Status2xx().Match(output);
        var latency = RequestTime().Match(output);
        if (!finished.Success || !counts.Success || !ok.Success)
        {
            throw new InvalidOperationException($"Could not read h2load's report:\n{output}");
        }

        return new H2LoadRun(
            double.Parse(finished.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(counts.Groups["total"].Value, CultureInfo.InvariantCulture),
            long.Parse(ok.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(counts.Groups["failed"].Value, CultureInfo.InvariantCulture),
            long.Parse(counts.Groups["errored"].Value, CultureInfo.InvariantCulture),
            latency.Success ? latency.Groups[1].Value : "?");
    }

    [GeneratedRegex(@"finished in [\d.]+\w+, ([\d.]+) req/s")]
    private static partial Regex Finished();

    [GeneratedRegex(@"requests: (?<total>\d+) total, \d+ started, \d+ done, \d+ succeeded, (?<failed>\d+) failed, (?<errored>\d+) errored")]
    private static partial Regex Requests();

    [GeneratedRegex(@"status codes: (\d+) 2xx")]
    private static partial Regex Status2xx();

    // "time for request:  min  max  mean  sd  +/- sd": the mean.
    [GeneratedRegex(@"time for request:\s+\S+\s+\S+\s+(\S+)")]
    private static partial Regex RequestTime();
}
