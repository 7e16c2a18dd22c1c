using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Safeguarding.Platform.Hosting;

/// <summary>Builds and runs a module's web application, alone or beside others in one process.</summary>
public static class ServiceHost
{
    /// <summary>Builds the application for a module: defaults, the module, then extra wiring (tests, embedded runner).</summary>
    public static WebApplication Build<TModule>(string[] args, IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
        where TModule : IServiceModule
    {
        var builder = WebApplication.CreateBuilder(args);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddServiceDefaults(TModule.Name);
        TModule.Add(builder);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapServiceDefaults();
        TModule.Map(app);
        return app;
    }

    /// <summary>The addresses the started application listens on, gRPC first (ports may have been chosen by the OS).</summary>
    public static IReadOnlyList<Uri> Addresses(WebApplication app) =>
        [.. (app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []).Select(a => new Uri(a))];
}
