using System.Buffers.Binary;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Safeguarding.Interop.TestServer;

/// <summary>
/// The interop descriptions' expect_compressed probe asks about one message's compressed flag, which grpc-dotnet
/// does not expose (only the call's grpc-encoding). This middleware follows the 5-byte message prefixes of the
/// request body as grpc-dotnet reads it and queues each flag; a handler takes one flag per message received.
/// </summary>
public static class MessageFlags
{
    private static readonly object Key = new();

    /// <summary>Wraps every request body so its message flags are recorded.</summary>
    public static Task Track(HttpContext context, RequestDelegate next)
    {
        var flags = new ConcurrentQueue<bool>();
        context.Items[Key] = flags;
        context.Request.Body = new FlagStream(context.Request.Body, flags);
        return next(context);
    }

    /// <summary>Whether the next request message not yet accounted for arrived compressed.</summary>
    public static bool NextWasCompressed(HttpContext context) =>
        context.Items[Key] is ConcurrentQueue<bool> flags && flags.TryDequeue(out var compressed) && compressed;

    private sealed class FlagStream(Stream inner, ConcurrentQueue<bool> flags) : Stream
    {
        private readonly byte[] _prefix = new byte[5];
        private int _prefixRead;
        private long _payloadLeft;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            Follow(buffer.Span[..read]);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            Follow(buffer.AsSpan(offset, read));
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private void Follow(ReadOnlySpan<byte> data)
        {
            while (!data.IsEmpty)
            {
                if (_payloadLeft > 0)
                {
                    var skip = (int)Math.Min(_payloadLeft, data.Length);
                    _payloadLeft -= skip;
                    data = data[skip..];
                    continue;
                }

                var take = Math.Min(5 - _prefixRead, data.Length);
                data[..take].CopyTo(_prefix.AsSpan(_prefixRead));
                _prefixRead += take;
                data = data[take..];
                if (_prefixRead == 5)
                {
                    flags.Enqueue(_prefix[0] == 1);
                    _payloadLeft = BinaryPrimitives.ReadUInt32BigEndian(_prefix.AsSpan(1));
                    _prefixRead = 0;
                }
            }
        }
    }
}
