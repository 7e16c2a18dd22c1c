using Microsoft.AspNetCore.Builder;

namespace Safeguarding.Platform.Hosting;

/// <summary>
/// A service as something that can be hosted: its own Program.cs hosts it alone (a container), and
/// the embedded runner hosts every module in one process. Both call exactly these members.
/// </summary>
public interface IServiceModule
{
    /// <summary>Short service name ("measures"): telemetry service name, database file name, app id.</summary>
    static abstract string Name { get; }

    /// <summary>Registers the service's own parts (after <see cref="ServiceDefaults.AddServiceDefaults"/>).</summary>
    static abstract void Add(WebApplicationBuilder builder);

    /// <summary>Maps the service's gRPC services and HTTP endpoints (after <see cref="ServiceDefaults.MapServiceDefaults"/>).</summary>
    static abstract void Map(WebApplication app);
}
