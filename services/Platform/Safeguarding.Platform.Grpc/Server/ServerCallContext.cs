using Microsoft.AspNetCore.Http;

namespace Safeguarding.Platform.Grpc;

/// <summary>What a handler knows about, and can do to, the call it serves.</summary>
public sealed class ServerCallContext
{
    private readonly ServerCall _call;

    internal ServerCallContext(ServerCall call) => _call = call;

    /// <summary>The full method path, e.g. "/grpc.health.v1.Health/Check".</summary>
    public string Method => _call.MethodPath;

    /// <summary>Custom request metadata.</summary>
    public Metadata RequestHeaders => _call.RequestHeaders;

    /// <summary>Custom trailers sent with the status.</summary>
    public Metadata ResponseTrailers => _call.ResponseTrailers;

    /// <summary>When the call must be over (UTC); DateTime.MaxValue when the client set none.</summary>
    public DateTime Deadline => _call.Deadline;

    /// <summary>Cancelled when the client cancels, the deadline passes or the server shuts down.</summary>
    public CancellationToken CancellationToken => _call.CancellationToken;

    /// <summary>The remote address, as "ipv4:1.2.3.4:5678" or "ipv6:[::1]:5678".</summary>
    public string Peer => _call.Peer;

    /// <summary>The underlying HTTP context (authentication, features).</summary>
    public HttpContext HttpContext => _call.Http;

    /// <summary>
    /// The encoding for response messages ("gzip"), used when the client accepts it.
    /// Must be set before the first response message or headers are sent.
    /// </summary>
    public string? ResponseEncoding
    {
        get => _call.ResponseEncoding;
        set => _call.ResponseEncoding = value;
    }

    /// <summary>Whether the next response messages are compressed under ResponseEncoding (default true).</summary>
    public bool CompressResponses { get; set; } = true;

    /// <summary>Whether the most recently read request message arrived compressed.</summary>
    public bool LastRequestWasCompressed => _call.LastRequestWasCompressed;

    /// <summary>Sends response headers now (otherwise they go with the first message).</summary>
    public Task WriteResponseHeadersAsync(Metadata headers) => _call.WriteHeadersAsync(headers);
}
