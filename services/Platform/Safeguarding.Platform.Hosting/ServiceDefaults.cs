using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Platform.Hosting;

/// <summary>The defaults every service starts with; Program.cs calls these two methods and nothing else of the platform.</summary>
public static class ServiceDefaults
{
    /// <summary>The largest message a service receives or sends unless it says otherwise (gRPC's usual 4 MiB).</summary>
    public const int DefaultMaxMessageSize = 4 * 1024 * 1024;

    /// <summary>The log category of grpc-dotnet's server call handling, held at Warning (error messages may quote input).</summary>
    private const string ServerCallHandlerCategory = "Grpc.AspNetCore.Server.ServerCallHandler";

    /// <summary>
    /// Endpoints (gRPC h2c + HTTP/1.1), the gRPC server with the caller check and error mapping, bearer-token
    /// validation, OpenTelemetry traces and metrics, logs with trace ids, gRPC and HTTP health, reflection and a
    /// bounded graceful shutdown.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        var endpoints = builder.Configuration.GetSection(EndpointOptions.Section).Get<EndpointOptions>() ?? new EndpointOptions();
        builder.Services.Configure<EndpointOptions>(builder.Configuration.GetSection(EndpointOptions.Section));
        builder.WebHost.ConfigureKestrel(kestrel => KestrelEndpoints.Configure(kestrel, endpoints));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = endpoints.ShutdownTimeout);

        builder.Services.AddServiceAuthentication(builder.Configuration);
        builder.Services.AddSingleton<RpcErrorInterceptor>();
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = DefaultMaxMessageSize;
            grpc.MaxSendMessageSize = DefaultMaxMessageSize;
            grpc.EnableDetailedErrors = false;
            builder.Configuration.GetSection("Grpc").Bind(grpc);
            grpc.Interceptors.Add<CallerInterceptor>(); // outermost: no handler runs for an unverified caller
            grpc.Interceptors.Add<RpcErrorInterceptor>();
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, GrpcTimeoutGuard>(); // an already-expired deadline is DEADLINE_EXCEEDED
        ServiceHealth.Add(builder.Services);

        // Several services can share one process (the embedded runner): one set of providers serves them all.
        if (!builder.Configuration.GetValue("Telemetry:SharedByProcess", false))
        {
            PlatformTelemetry.AddTo(builder.Services, serviceName, builder.Configuration);
        }

        builder.Logging.Configure(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        // grpc-dotnet logs every error status with its message at Information (RpcConnectionError), and messages may
        // quote input (a NOT_FOUND names the id asked for): docs/privacy.md keeps them out of logs.
        builder.Logging.AddFilter(ServerCallHandlerCategory, LogLevel.Warning);
        if (builder.Configuration["Logging:Format"] == "json")
        {
            builder.Logging.AddJsonConsole(options => options.IncludeScopes = true);
        }
        else
        {
            builder.Logging.AddSimpleConsole(options =>
            {
                options.IncludeScopes = true;
                options.SingleLine = true;
            });
        }

        return builder;
    }

    /// <summary>Maps health probes (HTTP and grpc.health.v1) and server reflection (v1 and v1alpha).</summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        HealthEndpoints.Map(app);
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }

    /// <summary>Lets a service send messages larger than <see cref="DefaultMaxMessageSize"/> (whole reports).</summary>
    public static IServiceCollection RaiseMaxSendMessageSize(this IServiceCollection services, int bytes) =>
        services.PostConfigure<GrpcServiceOptions>(grpc => grpc.MaxSendMessageSize = Math.Max(grpc.MaxSendMessageSize ?? 0, bytes));
}
