using Google.Protobuf;
using Safeguarding.Gateway.Json;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Pages;

/// <summary>
/// One page's call to the gateway as the signed-in user, about the organisation in the address. A
/// failure is written as an error page and returned as null, so a handler just stops.
/// </summary>
internal static class PageCalls
{
    public static async Task<TResponse?> CallAsync<TRequest, TResponse>(HttpContext http, Method<TRequest, TResponse> method, TRequest request, string organisation)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        var services = http.RequestServices;
        var options = GatewayLoopback.Options(PageCredentials.Authorization(http.Request), organisation, null, http.RequestAborted);
        try
        {
            var channel = services.GetRequiredService<GatewayLoopback>().Channel;
            return await channel.UnaryCall(method, request, options);
        }
        catch (RpcException ex)
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Safeguarding.Gateway.Pages");
            JsonFacadeLog.PageFailed(logger, method.FullName, ex.StatusCode);
            await PageErrors.WriteAsync(http, ex.StatusCode, ex.Status.Detail);
            return null;
        }
    }
}
