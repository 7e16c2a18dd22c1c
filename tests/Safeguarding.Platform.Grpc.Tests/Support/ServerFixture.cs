namespace Safeguarding.Platform.Grpc.Tests.Support;

/// <summary>One server with default options and one channel to it, shared by the tests of a class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private TestServer? _server;
    private GrpcChannel? _channel;

    public TestServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public GrpcChannel Channel => _channel ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _channel = _server.CreateChannel();
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
