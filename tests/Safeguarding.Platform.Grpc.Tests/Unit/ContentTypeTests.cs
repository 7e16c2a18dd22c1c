namespace Safeguarding.Platform.Grpc.Tests.Unit;

public sealed class ContentTypeTests
{
    [Theory]
    [InlineData("application/grpc", true)]
    [InlineData("application/grpc+proto", true)]
    [InlineData("application/grpc; charset=utf-8", true)]
    [InlineData("APPLICATION/GRPC", true)]
    [InlineData("application/grpc+json", false)]
    [InlineData("application/grpcx", false)]
    [InlineData("application/grpc-web", false)]
    [InlineData("application/json", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Recognises_grpc_content_types(string? contentType, bool expected)
    {
        Assert.Equal(expected, GrpcHeaders.IsGrpcContentType(contentType));
    }
}
