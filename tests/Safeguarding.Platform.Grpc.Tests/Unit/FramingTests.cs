using System.Buffers;
using System.IO.Pipelines;
using Google.Protobuf;
using Safeguarding.Platform.Grpc.Tests.Support;
using Safeguarding.Testing.V1;

namespace Safeguarding.Platform.Grpc.Tests.Unit;

public sealed class FramingTests
{
    private static readonly EchoRequest Sample = new() { Text = "hello", Count = 3, Payload = ByteString.CopyFrom(1, 2, 3) };

    private static MessageReader<EchoRequest> Reader(PipeReader pipe, string? encoding = null, int maxSize = 1024) =>
        new(pipe, EchoRequest.Parser, encoding, maxSize);

    private static PipeReader Over(params byte[][] segments) => PipeReader.Create(Segments.Of(segments));

    /// <summary>A message whose serialized size is exactly <paramref name="size"/> bytes (size ≥ 3, &lt; 130).</summary>
    private static EchoRequest OfSize(int size)
    {
        var message = new EchoRequest { Payload = ByteString.CopyFrom(new byte[size - 2]) };
        Assert.Equal(size, message.CalculateSize());
        return message;
    }

    [Fact]
    public void Writer_frames_with_flag_and_big_endian_length()
    {
        var output = new ArrayBufferWriter<byte>();
        MessageWriter.Write(output, Sample, encoding: null, maxSize: 1024);

        var frame = output.WrittenSpan.ToArray();
        var payload = Sample.ToByteArray();
        Assert.Equal(Frames.Frame(payload), frame);
        Assert.Equal(0, frame[0]);
        Assert.Equal(new byte[] { 0, 0, 0, (byte)payload.Length }, frame[1..5]);
    }

    [Fact]
    public void Writer_frames_an_empty_message_as_five_bytes()
    {
        var frame = MessageWriter.ToFrame(new EchoRequest(), encoding: null, maxSize: 1024);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0 }, frame);
    }

    [Fact]
    public void Writer_accepts_a_message_exactly_at_the_limit_and_refuses_one_byte_more()
    {
        var frame = MessageWriter.ToFrame(OfSize(100), encoding: null, maxSize: 100);
        Assert.Equal(105, frame.Length);

        var ex = Assert.Throws<RpcException>(() => MessageWriter.ToFrame(OfSize(101), encoding: null, maxSize: 100));
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public void Writer_gzip_sets_the_compressed_flag_and_the_payload_inflates_to_the_message()
    {
        var message = new EchoRequest { Text = new string('a', 500) };
        var frames = Frames.Split(MessageWriter.ToFrame(message, GrpcCompression.Gzip, maxSize: 1024));

        var (flag, payload) = Assert.Single(frames);
        Assert.Equal(1, flag);
        Assert.True(payload.Length < message.CalculateSize());
        Assert.Equal(message, EchoRequest.Parser.ParseFrom(Frames.Gunzip(payload)));
    }

    [Fact]
    public void Writer_identity_encoding_does_not_compress()
    {
        var frame = MessageWriter.ToFrame(Sample, GrpcCompression.Identity, maxSize: 1024);
        Assert.Equal(Frames.Frame(Sample), frame);
    }

    [Fact]
    public async Task Reader_reads_consecutive_messages_then_reports_a_clean_end()
    {
        var second = new EchoRequest { Text = "second" };
        var reader = Reader(Over([.. Frames.Frame(Sample), .. Frames.Frame(second)]));

        Assert.Equal(Sample, await reader.ReadAsync(CancellationToken.None));
        Assert.Equal(second, await reader.ReadAsync(CancellationToken.None));
        Assert.Null(await reader.ReadAsync(CancellationToken.None));
        Assert.False(reader.LastWasCompressed);
    }

    [Fact]
    public async Task Reader_reads_an_empty_stream_as_no_message()
    {
        Assert.Null(await Reader(Over([])).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Reader_reads_zero_length_messages()
    {
        var reader = Reader(Over([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));

        Assert.Equal(new EchoRequest(), await reader.ReadAsync(CancellationToken.None));
        Assert.Equal(new EchoRequest(), await reader.ReadAsync(CancellationToken.None));
        Assert.Null(await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Reader_reassembles_a_frame_split_across_every_byte()
    {
        var frame = Frames.Frame(Sample);
        var reader = Reader(Over([.. frame.Select(b => new[] { b })]));

        Assert.Equal(Sample, await reader.ReadAsync(CancellationToken.None));
        Assert.Null(await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Reader_waits_for_the_rest_of_a_frame_that_arrives_in_pieces()
    {
        var pipe = new Pipe();
        var reader = Reader(pipe.Reader);
        var frame = Frames.Frame(Sample);

        await pipe.Writer.WriteAsync(frame.AsMemory(0, 3)); // part of the header
        var pending = reader.ReadAsync(CancellationToken.None).AsTask();
        await pipe.Writer.WriteAsync(frame.AsMemory(3, 5)); // rest of the header, some payload
        Assert.False(pending.IsCompleted);
        await pipe.Writer.WriteAsync(frame.AsMemory(8));
        await pipe.Writer.CompleteAsync();

        Assert.Equal(Sample, await pending.WaitAsync(EchoMethods.Patience));
        Assert.Null(await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Reader_accepts_a_message_exactly_at_the_limit()
    {
        var message = OfSize(100);
        var reader = Reader(Over(Frames.Frame(message)), maxSize: 100);

        Assert.Equal(message, await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Reader_refuses_a_frame_one_byte_over_the_limit_from_its_header_alone()
    {
        // Only the header is sent: the size is refused before any payload is buffered.
        var reader = Reader(Over([0, 0, 0, 0, 101]), maxSize: 100);

        var ex = await Assert.ThrowsAsync<RpcException>(() => reader.ReadAsync(CancellationToken.None).AsTask());
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task Reader_inflates_gzip_messages_and_reports_compression()
    {
        var reader = Reader(Over(Frames.Frame(Frames.Gzip(Sample.ToByteArray()), flag: 1)), GrpcCompression.Gzip);

        Assert.Equal(Sample, await reader.ReadAsync(CancellationToken.None));
        Assert.True(reader.LastWasCompressed);
    }

    [Fact]
    public async Task Reader_refuses_a_compressed_message_under_identity_encoding()
    {
        var reader = Reader(Over(Frames.Frame(Frames.Gzip(Sample.ToByteArray()), flag: 1)), encoding: null);

        var ex = await Assert.ThrowsAsync<RpcException>(() => reader.ReadAsync(CancellationToken.None).AsTask());
        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task Reader_refuses_an_invalid_compressed_flag()
    {
        var reader = Reader(Over(Frames.Frame(Sample.ToByteArray(), flag: 2)));

        var ex = await Assert.ThrowsAsync<RpcException>(() => reader.ReadAsync(CancellationToken.None).AsTask());
        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task Reader_refuses_a_message_that_inflates_beyond_the_limit()
    {
        var big = new EchoRequest { Payload = ByteString.CopyFrom(new byte[10_000]) };
        var compressed = Frames.Gzip(big.ToByteArray());
        Assert.True(compressed.Length < 1000);
        var reader = Reader(Over(Frames.Frame(compressed, flag: 1)), GrpcCompression.Gzip, maxSize: 1000);

        var ex = await Assert.ThrowsAsync<RpcException>(() => reader.ReadAsync(CancellationToken.None).AsTask());
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task Reader_reports_corrupt_gzip_as_internal()
    {
        var reader = Reader(Over(Frames.Frame([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], flag: 1)), GrpcCompression.Gzip);

        var ex = await Assert.ThrowsAsync<RpcException>(() => reader.ReadAsync(CancellationToken.None).AsTask());
        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Theory]
    [InlineData(3)] // inside the header
    [InlineData(5)] // header only
    [InlineData(9)] // inside the payload
    public async Task Reader_reports_a_stream_truncated_mid_frame(int keep)
    {
        var reader = Reader(Over(Frames.Frame(Sample)[..keep]));

        var ex = await Assert.ThrowsAsync<RpcException>(() => reader.ReadAsync(CancellationToken.None).AsTask());
        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task Reader_reports_a_truncated_frame_after_a_complete_one()
    {
        var reader = Reader(Over([.. Frames.Frame(Sample), .. Frames.Frame(Sample)[..7]]));

        Assert.Equal(Sample, await reader.ReadAsync(CancellationToken.None));
        var ex = await Assert.ThrowsAsync<RpcException>(() => reader.ReadAsync(CancellationToken.None).AsTask());
        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task Reader_sees_the_end_of_a_stream_that_completes_after_the_last_message()
    {
        var pipe = new Pipe();
        var reader = Reader(pipe.Reader);
        await pipe.Writer.WriteAsync(Frames.Frame(Sample));

        Assert.Equal(Sample, await reader.ReadAsync(CancellationToken.None));
        var end = reader.ReadAsync(CancellationToken.None).AsTask();
        Assert.False(end.IsCompleted); // the writer may still send another message
        await pipe.Writer.CompleteAsync();
        Assert.Null(await end.WaitAsync(EchoMethods.Patience));
    }

    [Fact]
    public async Task Reader_reports_an_unparseable_payload_as_internal()
    {
        var reader = Reader(Over(Frames.Frame([0xFF, 0xFF, 0xFF])));

        var ex = await Assert.ThrowsAsync<RpcException>(() => reader.ReadAsync(CancellationToken.None).AsTask());
        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    /// <summary>A ReadOnlySequence made of separate segments, so frame parsing crosses segment edges.</summary>
    private sealed class Segments : ReadOnlySequenceSegment<byte>
    {
        private Segments(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public static ReadOnlySequence<byte> Of(byte[][] parts)
        {
            if (parts.Length == 0)
            {
                return ReadOnlySequence<byte>.Empty;
            }

            var first = new Segments(parts[0], 0);
            var last = first;
            foreach (var part in parts.Skip(1))
            {
                var next = new Segments(part, last.RunningIndex + last.Memory.Length);
                last.Next = next;
                last = next;
            }

            return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        }
    }
}
