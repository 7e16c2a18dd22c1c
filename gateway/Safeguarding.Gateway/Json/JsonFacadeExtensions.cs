using Google.Protobuf.Reflection;
using Safeguarding.Gateway.Pages;

namespace Safeguarding.Gateway.Json;

/// <summary>The JSON facade and report pages: HTTP/1.1 doors onto the gateway's own gRPC front door.</summary>
public static class JsonFacadeExtensions
{
    public static WebApplicationBuilder AddJsonFacade(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<JsonProtoFiles>();
        services.AddSingleton<JsonCodec>();
        services.AddSingleton<JsonRpcCatalogue>();
        services.AddSingleton<GatewayLoopback>();
        PageForms.Add(services);
        // The API's description comes from the protos and the policy table only, never from the mapped endpoints.
        services.AddOpenApi(OpenApi.JsonApiDocument.Name, options =>
        {
            options.ShouldInclude = _ => false;
            options.AddDocumentTransformer<OpenApi.JsonApiDocument>();
        });
        return builder;
    }

    /// <summary>Offers the services of more proto files over JSON (the platform's contracts are always offered).</summary>
    public static IServiceCollection AddJsonFacadeProtos(this IServiceCollection services, params FileDescriptor[] files)
    {
        foreach (var file in files)
        {
            services.AddSingleton(new JsonFacadeProtoFile(file));
        }

        return services;
    }

    /// <summary>Maps <c>/api/{package.Service}/{Method}</c>, <c>/reports/…</c>, <c>/signin</c>, <c>/reports/signout</c>, <c>/openapi/api.json</c> and <c>/api/docs</c>.</summary>
    public static IEndpointRouteBuilder MapJsonFacade(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapJsonApi();
        endpoints.MapReportPages();
        endpoints.MapSignIn();
        OpenApi.JsonApiReferencePage.Map(endpoints);
        return endpoints;
    }
}
