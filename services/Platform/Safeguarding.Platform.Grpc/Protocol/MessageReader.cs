using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// Reads length-prefixed gRPC messages from a pipe, enforcing the maximum message size before
/// buffering a payload and decompressing with the call's grpc-encoding.
/// </summary>
internal sealed class MessageReader<T>(PipeReader reader, MessageParser<T> parser, string? encoding, int maxSize)
    where T : IMessage<T>
{
    private bool _ended;

    /// <summary>Whether the last message read arrived compressed (interop tests check this).</summary>
    public bool LastWasCompressed { get; private set; }

    /// <summary>The next message, or default when the stream ended cleanly between messages.</summary>
    public async ValueTask<T?> ReadAsync(CancellationToken cancellationToken)
    {
        if (_ended)
        {
            return default;
        }

        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (TryReadFrame(ref buffer, out var compressed, out var payload))
            {
                T message;
                try
                {
                    message = Parse(payload, compressed);
                }
                finally
                {
                    reader.AdvanceTo(buffer.Start);
                }

                LastWasCompressed = compressed;
                // The body ended right after this message (usual for unary requests): the end-of-stream
                // check that follows needs no second read of the pipe.
                _ended = result.IsCompleted && buffer.IsEmpty;
                return message;
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                var leftover = buffer.Length;
                reader.AdvanceTo(buffer.End);
                if (leftover != 0)
                {
                    throw new RpcException(StatusCode.Internal, "The stream ended in the middle of a message.");
                }

                return default;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out bool compressed, out ReadOnlySequence<byte> payload)
    {
        compressed = false;
        payload = default;
        if (buffer.Length < GrpcHeaders.FrameHeaderSize)
        {
            return false;
        }

        Span<byte> copy = stackalloc byte[GrpcHeaders.FrameHeaderSize];
        scoped ReadOnlySpan<byte> header = buffer.FirstSpan;
        if (header.Length < GrpcHeaders.FrameHeaderSize)
        {
            // The header straddles segments: copy it out.
            buffer.Slice(0, GrpcHeaders.FrameHeaderSize).CopyTo(copy);
            header = copy;
        }

        var flag = header[0];
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (flag > 1)
        {
            throw new RpcException(StatusCode.Internal, "A message had an invalid compressed flag.");
        }

        if (length > (uint)maxSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted, $"Received message exceeds the maximum size of {maxSize} bytes (it is {length}).");
        }

        if (buffer.Length < GrpcHeaders.FrameHeaderSize + length)
        {
            return false;
        }

        compressed = flag == 1;
        payload = buffer.Slice(GrpcHeaders.FrameHeaderSize, length);
        buffer = buffer.Slice(payload.End);
        return true;
    }

    private T Parse(ReadOnlySequence<byte> payload, bool compressed)
    {
        try
        {
            if (!compressed)
            {
                return parser.ParseFrom(payload);
            }

            if (!GrpcCompression.Compresses(encoding))
            {
                throw new RpcException(StatusCode.Internal, "A compressed message arrived without a grpc-encoding that compresses.");
            }

            return parser.ParseFrom(GrpcCompression.Decompress(payload.ToArray(), maxSize));
        }
        catch (InvalidProtocolBufferException)
        {
            throw new RpcException(StatusCode.Internal, "A message could not be parsed.");
        }
    }
}
