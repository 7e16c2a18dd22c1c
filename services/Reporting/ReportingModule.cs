using Safeguarding.Platform.Hosting;

namespace Safeguarding.Reporting;

/// <summary>The reporting service as a hostable module (its own container, or the embedded runner).</summary>
public sealed class ReportingModule : IServiceModule
{
    public static string Name => "reporting";

    public static void Add(WebApplicationBuilder builder) => builder.AddReporting();

    public static void Map(WebApplication app) => app.MapReporting();
}
