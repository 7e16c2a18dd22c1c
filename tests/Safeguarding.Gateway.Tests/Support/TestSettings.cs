namespace Safeguarding.Gateway.Tests.Support;

/// <summary>
/// Configuration shared by test hosts: loopback, free ports, quiet logs, and the development key every service
/// validates callers' tokens (and the gateway's target grants) with.
/// </summary>
public static class TestSettings
{
    public static Dictionary<string, string?> Service(string instance) => new()
    {
        ["Endpoints:Address"] = "127.0.0.1",
        ["Endpoints:GrpcPort"] = "0",
        ["Endpoints:HttpPort"] = "-1",
        ["Endpoints:ShutdownTimeout"] = "00:00:01",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Test:Instance"] = instance,
        ["Auth:DevelopmentKey"] = TestTokens.Key,
    };
}
