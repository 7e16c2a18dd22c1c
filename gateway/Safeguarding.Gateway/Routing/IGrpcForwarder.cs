namespace Safeguarding.Gateway.Routing;

/// <summary>
/// The forwarding seam: sends one gRPC call (already authorised) to an upstream instance and relays
/// messages, headers and trailers both ways without decoding them. A real proxy (YARP's
/// IHttpForwarder) could implement it; <see cref="HttpGrpcForwarder"/> does today.
/// </summary>
public interface IGrpcForwarder
{
    /// <param name="http">The incoming call; the forwarder writes its response.</param>
    /// <param name="upstream">Base address of the instance.</param>
    /// <param name="headers">Headers to add (the identity the gateway vouches for).</param>
    /// <param name="deadline">When the call must end (UTC), already reduced by time spent in the gateway; null for none.</param>
    Task ForwardAsync(HttpContext http, Uri upstream, IEnumerable<KeyValuePair<string, string>> headers, DateTime? deadline);
}
