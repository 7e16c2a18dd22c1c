using System.Buffers;
using System.IO.Pipelines;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Safeguarding.Bench.Grpc;

/// <summary>
/// The baseline: a plain Kestrel endpoint that drains the request body and answers with a
/// pre-framed response, the same headers as the layer sends and a grpc-status: 0 trailer.
/// </summary>
internal static class RawEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints, string path, IMessage response)
    {
        var framed = Frame(response.ToByteArray());
        endpoints.MapPost(path, async context =>
        {
            await DrainAsync(context.Request.BodyReader, context.RequestAborted);
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-accept-encoding"] = "identity,gzip";
            // Written without a flush: Kestrel sends it with the trailers when the request ends.
            context.Response.BodyWriter.Write(framed);
            context.Response.AppendTrailer("grpc-status", "0");
        });
    }

    public static byte[] Frame(byte[] payload)
    {
        var frame = new byte[5 + payload.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame.AsSpan(5));
        return frame;
    }

    private static async Task DrainAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted || result.IsCanceled)
            {
                return;
            }
        }
    }
}
