using System.Net;

namespace Safeguarding.Platform.Grpc;

/// <summary>A request body of one already-framed message, sent without Content-Length.</summary>
internal sealed class FrameContent(byte[] frame) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(frame).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(frame, cancellationToken).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

/// <summary>
/// A request body written message by message while the response is read (full duplex): HttpClient
/// hands us its stream, the writer uses it, and completing the writer ends the body (END_STREAM).
/// </summary>
internal sealed class StreamingContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<Stream> RequestStream => _stream.Task;

    public void Complete() => _completed.TrySetResult();

    public void Abort() => _stream.TrySetCanceled();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _stream.TrySetResult(stream);
        // HttpClient resets the HTTP/2 stream (so the server sees a cancel or dispose) only once the
        // body send ends: waiting without the token would leave the server's handler running.
        await _completed.Task.WaitAsync(cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
