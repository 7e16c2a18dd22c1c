using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace Safeguarding.Platform.Grpc;

/// <summary>Writes length-prefixed gRPC messages: 1 byte compressed flag, 4 bytes big-endian length, payload.</summary>
internal static class MessageWriter
{
    /// <summary>Frames a message into the output; compresses it when an encoding is given.</summary>
    public static void Write(IBufferWriter<byte> output, IMessage message, string? encoding, int maxSize)
    {
        var size = message.CalculateSize();
        if (size > maxSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted, $"Sending message exceeds the maximum size of {maxSize} bytes (it is {size}).");
        }

        if (GrpcCompression.Compresses(encoding))
        {
            var raw = new byte[size];
            message.WriteTo(raw);
            WriteFrame(output, GrpcCompression.Compress(raw), compressed: true);
            return;
        }

        var span = output.GetSpan(GrpcHeaders.FrameHeaderSize + size);
        span[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)size);
        message.WriteTo(span.Slice(GrpcHeaders.FrameHeaderSize, size));
        output.Advance(GrpcHeaders.FrameHeaderSize + size);
    }

    /// <summary>Frames an already-serialized payload.</summary>
    public static void WriteFrame(IBufferWriter<byte> output, ReadOnlySpan<byte> payload, bool compressed)
    {
        var span = output.GetSpan(GrpcHeaders.FrameHeaderSize + payload.Length);
        span[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)payload.Length);
        payload.CopyTo(span[GrpcHeaders.FrameHeaderSize..]);
        output.Advance(GrpcHeaders.FrameHeaderSize + payload.Length);
    }

    /// <summary>A whole framed message as a byte array (for request bodies).</summary>
    public static byte[] ToFrame(IMessage message, string? encoding, int maxSize)
    {
        var buffer = new ArrayBufferWriter<byte>(message.CalculateSize() + GrpcHeaders.FrameHeaderSize);
        Write(buffer, message, encoding, maxSize);
        return buffer.WrittenSpan.ToArray();
    }
}
