using System.Net;

namespace Safeguarding.Platform.Grpc.Tests.Unit;

public sealed class HttpStatusMappingTests
{
    [Theory]
    [InlineData(HttpStatusCode.BadRequest, StatusCode.Internal)]
    [InlineData(HttpStatusCode.Unauthorized, StatusCode.Unauthenticated)]
    [InlineData(HttpStatusCode.Forbidden, StatusCode.PermissionDenied)]
    [InlineData(HttpStatusCode.NotFound, StatusCode.Unimplemented)]
    [InlineData(HttpStatusCode.TooManyRequests, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.BadGateway, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.UnsupportedMediaType, StatusCode.Unknown)]
    [InlineData(HttpStatusCode.InternalServerError, StatusCode.Unknown)]
    [InlineData(HttpStatusCode.MovedPermanently, StatusCode.Unknown)]
    [InlineData((HttpStatusCode)599, StatusCode.Unknown)]
    public void Maps_http_status_as_the_grpc_spec_lists(HttpStatusCode http, StatusCode expected)
    {
        var status = HttpStatusMapping.ToGrpc(http);

        Assert.Equal(expected, status.Code);
        Assert.Contains(((int)http).ToString(System.Globalization.CultureInfo.InvariantCulture), status.Detail, StringComparison.Ordinal);
    }
}
