namespace Safeguarding.Platform.Grpc.InteropTests;

/// <summary>The interop case names, as xunit theory data.</summary>
public static class InteropCases
{
    public static TheoryData<string> All => [.. InteropClient.Cases];
}
