using System.Globalization;
using System.Text.Json;
using Safeguarding.Platform.Grpc.InteropTests.Infrastructure;

namespace Safeguarding.Platform.Grpc.InteropTests;

/// <summary>python3-grpcio (C-core) as the client, our layer as the server (in-process TestServer).</summary>
[Trait("Category", "Interop")]
public sealed class PythonClientToOurServerTests(OurServerFixture server) : IClassFixture<OurServerFixture>
{
    private string Port => server.Port.ToString(CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(InteropCases.All), MemberType = typeof(InteropCases))]
    public async Task Interop_case(string testCase)
    {
        using var client = await Python.RunScriptAsync("interop_client.py", "--server_port", Port, "--test_case", testCase);
        var result = Passed(client, "case", testCase);
        if (result.TryGetProperty("call_id", out var callId))
        {
            // The handler itself must have seen how the call ended.
            var expected = testCase == "ping_pong" ? "completed" : "cancelled";
            Assert.Equal(expected, await server.OutcomeAsync(callId.GetString()!));
        }
    }

    [Fact]
    public async Task Deadline_exceeded_reaches_the_client_and_cancels_the_handler()
    {
        var result = await CheckAsync("deadline");
        Assert.Equal("cancelled", await server.OutcomeAsync(result.GetProperty("call_id").GetString()!));
    }

    [Fact]
    public async Task Client_cancellation_is_observed_by_the_handler()
    {
        var result = await CheckAsync("cancel");
        Assert.Equal("cancelled", await server.OutcomeAsync(result.GetProperty("call_id").GetString()!));
    }

    [Fact]
    public async Task Text_and_binary_metadata_are_echoed_in_headers_and_trailers()
    {
        var result = await CheckAsync("metadata");
        var echoed = result.GetProperty("binary_echoed").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["ababab", "00", "01ff", Convert.ToHexStringLower([.. Enumerable.Range(0, 256).Select(i => (byte)i)])], echoed);
    }

    [Fact]
    public async Task Error_details_arrive_as_google_rpc_status_with_bad_request()
    {
        var result = await CheckAsync("error_details");
        Assert.Equal("INVALID_ARGUMENT", result.GetProperty("code").GetString());
        Assert.Equal("measure.unit: must be one of: percent, count", result.GetProperty("message").GetString());
        Assert.Equal(3, result.GetProperty("status_code").GetInt32());
        Assert.Equal("measure.unit: must be one of: percent, count", result.GetProperty("status_message").GetString());
        var violation = Assert.Single(result.GetProperty("violations").EnumerateArray());
        Assert.Equal("measure.unit", violation.GetProperty("field").GetString());
        Assert.Equal("must be one of: percent, count", violation.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Messages_of_exactly_4_MiB_pass_and_one_byte_more_is_resource_exhausted()
    {
        var result = await CheckAsync("max_size");
        // grpc-dotnet's own words, with RESOURCE_EXHAUSTED (the script checks the code) rather than a stream reset.
        Assert.Contains("Received message exceeds the maximum configured message size", result.GetProperty("request_over_limit").GetString(), StringComparison.Ordinal);
        Assert.Contains("Sending message exceeds the maximum configured message size", result.GetProperty("response_over_limit").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gzip_and_deflate_work_both_ways()
    {
        var result = await CheckAsync("gzip");
        Assert.Equal("ok", result.GetProperty("deflate").GetString());
    }

    [Fact]
    public async Task Over_100_concurrent_calls_succeed()
    {
        var result = await CheckAsync("concurrency");
        Assert.Equal(128, result.GetProperty("unary_ok").GetInt32());
        Assert.Equal(32, result.GetProperty("streams_ok").GetInt32());
    }

    [Fact]
    public async Task A_status_after_messages_arrives_in_the_trailers()
    {
        var result = await CheckAsync("status_after_messages");
        Assert.Equal([10, 20], result.GetProperty("sizes").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("failed after two messages", result.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_empty_client_stream_and_a_half_duplex_call()
    {
        var result = await CheckAsync("empty_and_half_duplex");
        Assert.Equal([3, 1, 2], result.GetProperty("half_duplex").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task Status_messages_with_percent_signs_and_unicode_round_trip()
    {
        var result = await CheckAsync("status_messages");
        Assert.Equal(5, result.GetProperty("messages").GetInt32());
    }

    [Fact]
    public async Task Reflection_v1_and_v1alpha_let_a_client_discover_and_call_the_server()
    {
        using var client = await Python.RunScriptAsync("reflection_client.py", "--server_port", Port);
        foreach (var version in new[] { "v1", "v1alpha" })
        {
            var result = Passed(client, "version", version);
            Assert.Equal(
                ["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", "grpc.testing.TestService"],
                Strings(result.GetProperty("services")));
            // Grpc.HealthCheck registers its descriptor under the bare file name.
            Assert.Equal(["health.proto"], Strings(result.GetProperty("health_files")));
            Assert.Equal(["grpc/testing/empty.proto", "grpc/testing/messages.proto", "grpc/testing/test.proto"], Strings(result.GetProperty("test_files")).Order());
            Assert.Equal("SERVING", result.GetProperty("health").GetString());
            Assert.Equal("SERVING", result.GetProperty("test_service_health").GetString());
            Assert.Equal(42, result.GetProperty("unary_payload").GetInt32());
            Assert.Equal(5, result.GetProperty("unknown_symbol_error").GetInt32()); // NOT_FOUND
            Assert.Equal("SERVING", result.GetProperty("watch_first").GetString());
        }
    }

    private async Task<JsonElement> CheckAsync(string check)
    {
        using var client = await Python.RunScriptAsync("platform_checks.py", "--server_port", Port, "--check", check);
        return Passed(client, "check", check);
    }

    /// <summary>The script's JSON line for one case, asserting the case and the whole script passed.</summary>
    internal static JsonElement Passed(ChildProcess script, string key, string name)
    {
        var results = script.JsonLines().Where(r => r.TryGetProperty(key, out var k) && k.GetString() == name).ToList();
        Assert.True(results.Count == 1, $"expected one result line for {name}\n{script.Output}");
        Assert.True(results[0].GetProperty("ok").GetBoolean(), $"{name} failed: {results[0]}\n{script.Output}");
        Assert.True(script.ExitCode == 0, $"exit code {script.ExitCode}\n{script.Output}");
        return results[0];
    }

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
