namespace Safeguarding.Platform.Grpc;

/// <summary>How a channel connects and what it allows.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>The HTTP handler; by default a SocketsHttpHandler tuned for long-lived HTTP/2 connections.</summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Whether disposing the channel disposes the handler (true for the default handler).</summary>
    public bool DisposeHttpHandler { get; set; } = true;

    /// <summary>Largest response message accepted; larger is RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest request message sent; larger is RESOURCE_EXHAUSTED.</summary>
    public int MaxSendMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Default encoding for request messages ("gzip"), or null for identity.</summary>
    public string? RequestEncoding { get; set; }
}
