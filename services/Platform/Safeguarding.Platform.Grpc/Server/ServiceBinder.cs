using System.Reflection;
using System.Text;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// Binds an implementation class to its proto ServiceDescriptor. Every mismatch (a missing RPC,
/// a wrong signature, a public RPC-shaped method the proto does not have) is collected and
/// reported together, so startup fails once with the whole list.
/// </summary>
internal static class ServiceBinder
{
    public static IReadOnlyList<MethodHandler> Bind<TService>(GrpcServerOptions options, ILogger logger, IServiceProvider? services = null)
        where TService : class, IGrpcService
    {
        var descriptor = TService.Descriptor;
        var type = typeof(TService);
        var activate = CreateActivator<TService>(services);
        var unimplemented = type.GetCustomAttributes<UnimplementedRpcAttribute>().Select(a => a.MethodName).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        var handlers = new List<MethodHandler>();

        foreach (var method in descriptor.Methods)
        {
            var candidates = type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name == method.Name).ToList();
            if (unimplemented.Contains(method.Name))
            {
                if (candidates.Count > 0)
                {
                    problems.Add($"{method.Name} is both implemented and marked [UnimplementedRpc].");
                }

                handlers.Add(new UnimplementedHandler(method, options, logger));
                continue;
            }

            var expected = ExpectedSignature(method);
            var match = candidates.FirstOrDefault(m => Matches(m, method));
            if (match is null)
            {
                problems.Add(candidates.Count == 0
                    ? $"missing RPC {method.Name}: expected public {expected}"
                    : $"RPC {method.Name} has the wrong signature: expected public {expected}");
                continue;
            }

            handlers.Add(CreateHandler(type, method, match, options, logger, activate));
        }

        foreach (var name in unimplemented.Where(n => descriptor.FindMethodByName(n) is null))
        {
            problems.Add($"[UnimplementedRpc(\"{name}\")] names an RPC the proto does not have.");
        }

        foreach (var stray in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                     .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(ServerCallContext)))
                     .Where(m => descriptor.FindMethodByName(m.Name) is null))
        {
            problems.Add($"public method {stray.Name} takes a ServerCallContext but the proto service has no RPC of that name.");
        }

        if (problems.Count > 0)
        {
            var message = new StringBuilder()
                .Append(type.FullName).Append(" does not match proto service ").Append(descriptor.FullName)
                .Append(" (").Append(descriptor.File.Name).AppendLine("):");
            foreach (var problem in problems)
            {
                message.Append("  - ").AppendLine(problem);
            }

            throw new InvalidOperationException(message.ToString());
        }

        return handlers;
    }

    private static bool Matches(MethodInfo info, MethodDescriptor method)
    {
        var request = method.InputType.ClrType;
        var response = method.OutputType.ClrType;
        var parameters = info.GetParameters().Select(p => p.ParameterType).ToArray();
        var requests = typeof(IAsyncEnumerable<>).MakeGenericType(request);
        var writer = typeof(IServerStreamWriter<>).MakeGenericType(response);
        var responseTask = typeof(Task<>).MakeGenericType(response);
        Type[] shape = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => [request, typeof(ServerCallContext)],
            (false, true) => [request, writer, typeof(ServerCallContext)],
            (true, false) => [requests, typeof(ServerCallContext)],
            (true, true) => [requests, writer, typeof(ServerCallContext)],
        };
        var returns = method.IsServerStreaming ? typeof(Task) : responseTask;
        return info.ReturnType == returns && parameters.SequenceEqual(shape);
    }

    private static string ExpectedSignature(MethodDescriptor method)
    {
        var request = method.InputType.ClrType.Name;
        var response = method.OutputType.ClrType.Name;
        return (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => $"Task<{response}> {method.Name}({request} request, ServerCallContext context)",
            (false, true) => $"Task {method.Name}({request} request, IServerStreamWriter<{response}> responses, ServerCallContext context)",
            (true, false) => $"Task<{response}> {method.Name}(IAsyncEnumerable<{request}> requests, ServerCallContext context)",
            (true, true) => $"Task {method.Name}(IAsyncEnumerable<{request}> requests, IServerStreamWriter<{response}> responses, ServerCallContext context)",
        };
    }

    /// <summary>
    /// How each call gets its service instance, decided once: from DI when registered (DI owns the
    /// lifetime), else constructed per call. A class whose only constructor takes nothing is built
    /// without touching HttpContext.RequestServices, which would create a service scope per call.
    /// </summary>
    private static Func<HttpContext, TService> CreateActivator<TService>(IServiceProvider? services)
        where TService : class
    {
        var factory = ActivatorUtilities.CreateFactory<TService>(Type.EmptyTypes);
        if (services?.GetService<IServiceProviderIsService>() is not { } isService)
        {
            return http => http.RequestServices.GetService<TService>() ?? factory(http.RequestServices, null);
        }

        if (isService.IsService(typeof(TService)))
        {
            return http => http.RequestServices.GetRequiredService<TService>();
        }

        return typeof(TService).GetConstructors() is [{ } only] && only.GetParameters().Length == 0
            ? _ => factory(services, null)
            : http => factory(http.RequestServices, null);
    }

    private static MethodHandler CreateHandler(Type service, MethodDescriptor method, MethodInfo info, GrpcServerOptions options, ILogger logger, Delegate activate)
    {
        var (handlerType, delegateType) = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => (typeof(UnaryHandler<,,>), typeof(UnaryMethod<,,>)),
            (false, true) => (typeof(ServerStreamingHandler<,,>), typeof(ServerStreamingMethod<,,>)),
            (true, false) => (typeof(ClientStreamingHandler<,,>), typeof(ClientStreamingMethod<,,>)),
            (true, true) => (typeof(DuplexStreamingHandler<,,>), typeof(DuplexStreamingMethod<,,>)),
        };
        Type[] arguments = [service, method.InputType.ClrType, method.OutputType.ClrType];
        // An open-instance delegate: the first parameter is the service instance, so calls are direct, not reflective.
        var invoke = Delegate.CreateDelegate(delegateType.MakeGenericType(arguments), info);
        return (MethodHandler)Activator.CreateInstance(handlerType.MakeGenericType(arguments), method, options, logger, activate, invoke)!;
    }
}
