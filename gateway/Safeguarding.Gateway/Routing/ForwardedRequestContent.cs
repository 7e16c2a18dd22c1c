using System.Net;

namespace Safeguarding.Gateway.Routing;

/// <summary>
/// The incoming request body streamed upstream as it arrives, flushed after every read so each
/// message of a client-streaming or bidirectional call goes on at once; the client's END_STREAM
/// ends the upstream body.
/// </summary>
internal sealed class ForwardedRequestContent(HttpRequest source) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var reader = source.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            foreach (var segment in buffer)
            {
                await stream.WriteAsync(segment, cancellationToken);
            }

            reader.AdvanceTo(buffer.End);
            if (!buffer.IsEmpty)
            {
                await stream.FlushAsync(cancellationToken);
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                return;
            }
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
