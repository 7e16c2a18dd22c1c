using Safeguarding.Testing.V1;

namespace Safeguarding.Platform.Grpc.Tests.Support;

/// <summary>Client handles on the test services' RPCs.</summary>
public static class EchoMethods
{
    public static readonly Method<EchoRequest, EchoResponse> Echo = Method.Create<EchoRequest, EchoResponse>(EchoService.Descriptor, "Echo");
    public static readonly Method<EchoRequest, EchoResponse> Expand = Method.Create<EchoRequest, EchoResponse>(EchoService.Descriptor, "Expand");
    public static readonly Method<EchoRequest, EchoResponse> Collect = Method.Create<EchoRequest, EchoResponse>(EchoService.Descriptor, "Collect");
    public static readonly Method<EchoRequest, EchoResponse> Chat = Method.Create<EchoRequest, EchoResponse>(EchoService.Descriptor, "Chat");
    public static readonly Method<EchoRequest, EchoResponse> Reserved = Method.Create<EchoRequest, EchoResponse>(EchoService.Descriptor, "Reserved");

    public static readonly Method<EchoRequest, EchoResponse> Unmapped = Method.Create<EchoRequest, EchoResponse>(
        EchoServiceReflection.Descriptor.Services.Single(s => s.Name == "UnmappedService"), "Echo");

    public const string EchoPath = "/safeguarding.testing.v1.EchoService/Echo";

    /// <summary>Guards a wait on the server so a broken layer fails the test instead of hanging it.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
}
