using System.Collections.Concurrent;
using System.Net;

namespace Safeguarding.Platform.Grpc.InteropTests.Infrastructure;

/// <summary>
/// An HTTP handler under our client that records, per call, the grpc-encoding headers and the
/// compressed flag of every length-prefixed message sent and received: the wire truth that the
/// client API itself does not expose.
/// </summary>
internal sealed class WireTap : DelegatingHandler
{
    public WireTap()
        : base(new SocketsHttpHandler { EnableMultipleHttp2Connections = true, UseProxy = false })
    {
    }

    public ConcurrentQueue<Exchange> Exchanges { get; } = new();

    /// <summary>Every exchange of one method, e.g. "/grpc.testing.TestService/UnaryCall", in call order.</summary>
    public IReadOnlyList<Exchange> For(string path) => [.. Exchanges.Where(e => e.Path == path)];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var exchange = new Exchange(request.RequestUri!.AbsolutePath, Header(request.Headers, "grpc-encoding"));
        Exchanges.Enqueue(exchange);
        if (request.Content is { } content)
        {
            request.Content = new TappedContent(content, exchange.RequestFlags);
        }

        var response = await base.SendAsync(request, cancellationToken);
        exchange.ResponseEncoding = Header(response.Headers, "grpc-encoding");
        response.Content = new TappedContent(response.Content, exchange.ResponseFlags);
        return response;
    }

    private static string? Header(System.Net.Http.Headers.HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? string.Join(',', values) : null;

    /// <summary>One call as seen on the wire.</summary>
    public sealed class Exchange(string path, string? requestEncoding)
    {
        public string Path { get; } = path;

        public string? RequestEncoding { get; } = requestEncoding;

        public string? ResponseEncoding { get; set; }

        /// <summary>The compressed flag of each request message, in order.</summary>
        public ConcurrentQueue<bool> RequestFlags { get; } = new();

        /// <summary>The compressed flag of each response message, in order.</summary>
        public ConcurrentQueue<bool> ResponseFlags { get; } = new();
    }

    // Wraps a body both ways: writes and reads pass through a stream that parses message frames.
    private sealed class TappedContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly ConcurrentQueue<bool> _flags;

        public TappedContent(HttpContent inner, ConcurrentQueue<bool> flags)
        {
            _inner = inner;
            _flags = flags;
            foreach (var (name, values) in inner.Headers)
            {
                Headers.TryAddWithoutValidation(name, values);
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            _inner.CopyToAsync(new FrameStream(stream, _flags), context);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
            _inner.CopyToAsync(new FrameStream(stream, _flags), context, cancellationToken);

        protected override async Task<Stream> CreateContentReadStreamAsync() =>
            new FrameStream(await _inner.ReadAsStreamAsync(), _flags);

        protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
            new FrameStream(await _inner.ReadAsStreamAsync(cancellationToken), _flags);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    // Passes bytes through unchanged while following the 5-byte message headers.
    private sealed class FrameStream(Stream inner, ConcurrentQueue<bool> flags) : Stream
    {
        private readonly byte[] _header = new byte[5];
        private int _headerRead;
        private long _payloadLeft;

        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => false;

        public override bool CanWrite => inner.CanWrite;

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

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Follow(buffer.Span);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Follow(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override void Flush() => inner.Flush();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

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

                var take = Math.Min(5 - _headerRead, data.Length);
                data[..take].CopyTo(_header.AsSpan(_headerRead));
                _headerRead += take;
                data = data[take..];
                if (_headerRead == 5)
                {
                    flags.Enqueue(_header[0] == 1);
                    _payloadLeft = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(1));
                    _headerRead = 0;
                }
            }
        }
    }
}
