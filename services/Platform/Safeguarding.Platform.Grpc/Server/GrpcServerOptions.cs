namespace Safeguarding.Platform.Grpc;

/// <summary>Server limits and behaviour.</summary>
public sealed class GrpcServerOptions
{
    /// <summary>Largest request message accepted (after decompression); larger is RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = GrpcHeaders.DefaultMaxMessageSize;

    /// <summary>Largest response message sent; larger is RESOURCE_EXHAUSTED.</summary>
    public int MaxSendMessageSize { get; set; } = GrpcHeaders.DefaultMaxMessageSize;

    /// <summary>Server-wide response compression when the client accepts it; null sends identity.</summary>
    public string? ResponseCompression { get; set; }
}
