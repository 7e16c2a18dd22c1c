using System.Buffers;
using Google.Protobuf;

namespace Safeguarding.Platform.Grpc;

/// <summary>Sends the request messages of a client-streaming or bidirectional call.</summary>
public sealed class RequestStreamWriter<T>
    where T : IMessage<T>
{
    private readonly StreamingContent _content;
    private readonly string? _encoding;
    private readonly int _maxSize;
    private readonly CancellationToken _callToken;
    private readonly Func<RpcException?> _failure;
    private int _writing;
    private bool _completed;

    internal RequestStreamWriter(StreamingContent content, string? encoding, int maxSize, Func<RpcException?> failure, CancellationToken callToken)
    {
        _content = content;
        _encoding = encoding;
        _maxSize = maxSize;
        _callToken = callToken;
        _failure = failure;
    }

    /// <summary>Sends one message.</summary>
    public async Task WriteAsync(T message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var buffer = new ArrayBufferWriter<byte>();
        MessageWriter.Write(buffer, message, _encoding, _maxSize);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_callToken, cancellationToken);
        // As in every gRPC API, one write at a time: a second concurrent write is a caller bug.
        if (Interlocked.Exchange(ref _writing, 1) == 1)
        {
            throw new InvalidOperationException("A previous write is still in progress.");
        }

        try
        {
            if (_completed)
            {
                throw new InvalidOperationException("The request stream has already been completed.");
            }

            var stream = await _content.RequestStream.WaitAsync(linked.Token);
            await stream.WriteAsync(buffer.WrittenMemory, linked.Token);
            await stream.FlushAsync(linked.Token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException && _failure() is { } failure)
        {
            // The call already ended (e.g. the server returned an error): report that, not the I/O symptom
            // (HttpClient disposes the request stream once the response has ended).
            throw failure;
        }
        finally
        {
            Volatile.Write(ref _writing, 0);
        }
    }

    /// <summary>Ends the request stream (the server sees END_STREAM).</summary>
    public Task CompleteAsync()
    {
        _completed = true;
        _content.Complete();
        return Task.CompletedTask;
    }
}
