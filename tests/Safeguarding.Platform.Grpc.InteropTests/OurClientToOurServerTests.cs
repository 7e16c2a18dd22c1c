using Safeguarding.Platform.Grpc.InteropTests.Infrastructure;

namespace Safeguarding.Platform.Grpc.InteropTests;

/// <summary>
/// The same interop cases with our layer on both ends (in-process, no Python): here the server
/// also checks expect_compressed, and every tagged handler reports how it saw its call end.
/// </summary>
public sealed class OurClientToOurServerTests(OurServerFixture server) : IClassFixture<OurServerFixture>
{
    [Theory]
    [MemberData(nameof(InteropCases.All), MemberType = typeof(InteropCases))]
    public async Task Interop_case(string testCase)
    {
        using var client = new InteropClient(server.Address, serverChecksCompression: true);
        await client.RunAsync(testCase);
        if (client.CallId is { } callId)
        {
            Assert.Equal(testCase == "ping_pong" ? "completed" : "cancelled", await server.OutcomeAsync(callId));
        }
    }
}
