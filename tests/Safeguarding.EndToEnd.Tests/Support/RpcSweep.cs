using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Safeguarding.Gateway.Auth;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.EndToEnd.Tests.Support;

/// <summary>
/// Calls any RPC of a proto service by its descriptor (unary or streaming), with a plausible request
/// built from the descriptor: organisation fields name the target, measure ids name a real measure.
/// Lets a test walk a whole policy table, so an RPC added later is covered without touching the test.
/// </summary>
public static class RpcSweep
{
    private static readonly MethodInfo Typed = typeof(RpcSweep).GetMethod(nameof(CallTypedAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// The measures service's RPCs that must never reach another organisation: every row-level one (row
    /// read, row write, export) in the gateway's policy table, and any without a policy (denied by default).
    /// </summary>
    public static IReadOnlyList<(MethodDescriptor Method, RpcPolicy? Policy)> RowLevelMeasuresRpcs()
    {
        var policies = MeasuresPolicies.Create().Policies.ToDictionary(p => p.Path, StringComparer.Ordinal);
        return [.. MeasuresPolicies.Measures.Methods
            .Select(m => (Method: m, Policy: policies.GetValueOrDefault($"/{m.Service.FullName}/{m.Name}")))
            .Where(x => x.Policy is null or { IsRowLevel: true })];
    }

    /// <summary>A request for <paramref name="method"/> about <paramref name="organisation"/> and <paramref name="measureId"/>.</summary>
    public static IMessage RequestFor(MethodDescriptor method, string organisation, string measureId)
    {
        ArgumentNullException.ThrowIfNull(method);
        var message = (IMessage)Activator.CreateInstance(method.InputType.ClrType)!;
        Fill(message, organisation, measureId, depth: 0);
        return message;
    }

    /// <summary>Calls the RPC and returns the status it ended with (OK when it succeeded).</summary>
    public static async Task<StatusCode> CallAsync(GrpcChannel channel, MethodDescriptor method, IMessage request, CallOptions options)
    {
        ArgumentNullException.ThrowIfNull(method);
        var generic = Typed.MakeGenericMethod(method.InputType.ClrType, method.OutputType.ClrType);
        return await (Task<StatusCode>)generic.Invoke(null, [channel, method, request, options])!;
    }

    private static void Fill(IMessage message, string organisation, string measureId, int depth)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var name = field.Name;
            var isOrganisation = name is "organisation_code" or "organisation_codes" or "parent_code";
            if (field.FieldType == FieldType.String && (isOrganisation || name == "measure_id"))
            {
                var value = isOrganisation ? organisation : measureId;
                if (field.IsRepeated)
                {
                    ((System.Collections.IList)field.Accessor.GetValue(message)).Add(value);
                }
                else
                {
                    field.Accessor.SetValue(message, value);
                }
            }
            else if (field.FieldType == FieldType.Message && !field.IsRepeated && !field.IsMap && depth < 2 && field.ContainingOneof is null
                && field.MessageType.ClrType is { } type && type.Namespace?.StartsWith("Safeguarding.", StringComparison.Ordinal) == true)
            {
                var nested = (IMessage)Activator.CreateInstance(type)!;
                Fill(nested, organisation, measureId, depth + 1);
                field.Accessor.SetValue(message, nested);
            }
            else if (field.FieldType == FieldType.Message && field.ContainingOneof is { } oneof && oneof.Fields[0] == field && name == "header")
            {
                // A client-streaming import: its first message is the header naming the organisation.
                var header = (IMessage)Activator.CreateInstance(field.MessageType.ClrType)!;
                Fill(header, organisation, measureId, depth + 1);
                field.Accessor.SetValue(message, header);
            }
        }
    }

    private static async Task<StatusCode> CallTypedAsync<TRequest, TResponse>(GrpcChannel channel, MethodDescriptor descriptor, IMessage request, CallOptions options)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var method = DescriptorMethods.Create<TRequest, TResponse>(descriptor);
        try
        {
            switch (descriptor.IsClientStreaming, descriptor.IsServerStreaming)
            {
                case (false, false):
                    await channel.UnaryCall(method, (TRequest)request, options);
                    break;
                case (true, false):
                {
                    using var call = channel.ClientStreamingCall(method, options);
                    await WriteOneAsync(call.RequestStream, (TRequest)request);
                    await call.ResponseAsync;
                    break;
                }

                case (false, true):
                {
                    using var call = channel.ServerStreamingCall(method, (TRequest)request, options);
                    await foreach (var _ in call.ResponseStream.ReadAllAsync())
                    {
                    }

                    break;
                }

                default:
                {
                    using var call = channel.DuplexStreamingCall(method, options);
                    await WriteOneAsync(call.RequestStream, (TRequest)request);
                    await foreach (var _ in call.ResponseStream.ReadAllAsync())
                    {
                    }

                    break;
                }
            }

            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    private static async Task WriteOneAsync<TRequest>(IClientStreamWriter<TRequest> stream, TRequest request)
        where TRequest : IMessage<TRequest>
    {
        try
        {
            await stream.WriteAsync(request);
            await stream.CompleteAsync();
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or RpcException or InvalidOperationException)
        {
            // The server answered (refused) before the upload finished: its status is what counts.
        }
    }
}
