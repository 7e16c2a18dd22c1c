using System.IO.Compression;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// Message encodings this layer speaks: identity and gzip. Any other grpc-encoding is refused
/// with UNIMPLEMENTED and the list below in grpc-accept-encoding, as the spec asks.
/// </summary>
public static class GrpcCompression
{
    /// <summary>No compression.</summary>
    public const string Identity = "identity";

    /// <summary>gzip (RFC 1952).</summary>
    public const string Gzip = "gzip";

    /// <summary>The grpc-accept-encoding value we advertise.</summary>
    public const string AcceptEncoding = "identity,gzip";

    /// <summary>Whether an encoding name is one we can compress and decompress.</summary>
    public static bool IsSupported(string? encoding) =>
        encoding is null
        || encoding.Equals(Identity, StringComparison.OrdinalIgnoreCase)
        || encoding.Equals(Gzip, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the encoding actually compresses (i.e. is not identity/absent).</summary>
    public static bool Compresses(string? encoding) => encoding is not null && encoding.Equals(Gzip, StringComparison.OrdinalIgnoreCase);

    internal static byte[] Compress(ReadOnlySpan<byte> payload)
    {
        using var output = new MemoryStream(payload.Length / 2 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(payload);
        }

        return output.ToArray();
    }

    /// <summary>Inflates a payload, refusing to produce more than maxSize bytes (a zip bomb is RESOURCE_EXHAUSTED).</summary>
    internal static byte[] Decompress(byte[] payload, int maxSize)
    {
        using var input = new MemoryStream(payload, writable: false);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > maxSize)
                {
                    throw new RpcException(StatusCode.ResourceExhausted, $"Received message exceeds the maximum size of {maxSize} bytes after decompression.");
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            throw new RpcException(StatusCode.Internal, "Could not decompress a gzip message.");
        }

        return output.ToArray();
    }
}
