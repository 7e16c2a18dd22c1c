using Safeguarding.Cli.Demo;

namespace Safeguarding.Cli.Embedded;

/// <summary>Configuration every embedded service gets: loopback, free ports, its own SQLite file, in-process events.</summary>
internal static class EmbeddedSettings
{
    public static Dictionary<string, string?> For(string service, DirectoryInfo dataFolder, string developmentKey)
    {
        var settings = Base(service, dataFolder, developmentKey);
        AddOrganisations(settings);
        // PDFs need a browser; offer them when this machine has Debian's chromium.
        settings["Reporting:Pdf:Enabled"] = File.Exists("/usr/bin/chromium") ? "true" : "false";
        return settings;
    }

    /// <summary>Addresses of services already started that this one calls directly (not through the gateway).</summary>
    public static void AddPeers(Dictionary<string, string?> settings, string service, IReadOnlyList<RunningService> started)
    {
        // Reporting asks case reviews for a partnership's dashboard with the caller's own token (ADR 0015).
        if (service == "reporting" && started.FirstOrDefault(s => s.Name == "casereviews") is { } caseReviews)
        {
            settings["Reporting:CaseReviews:Address"] = caseReviews.GrpcAddress.ToString();
        }
    }

    // Every service knows the demo partnership; the published geography codes ship with the services.
    private static void AddOrganisations(Dictionary<string, string?> settings)
    {
        var organisations = DemoPartnership.Agencies.Prepend(DemoPartnership.Partnership).ToList();
        for (var i = 0; i < organisations.Count; i++)
        {
            settings[$"Organisations:{i}:Code"] = organisations[i].Code;
            settings[$"Organisations:{i}:Name"] = organisations[i].Name;
            settings[$"Organisations:{i}:Kind"] = organisations[i].Kind;
            settings[$"Organisations:{i}:Parent"] = organisations[i].Parent;
        }
    }

    public static Dictionary<string, string?> Base(string service, DirectoryInfo dataFolder, string developmentKey) => new()
    {
        // Every service validates callers' tokens itself, with the key the embedded gateway and the CLI share.
        ["Auth:DevelopmentKey"] = developmentKey,
        ["Endpoints:Address"] = "127.0.0.1",
        ["Endpoints:GrpcPort"] = "0",
        ["Endpoints:HttpPort"] = "0",
        ["Persistence:Provider"] = "Sqlite",
        ["Persistence:ConnectionString"] = $"Data Source={Path.Combine(dataFolder.FullName, service + ".db")}",
        ["Events:Transport"] = "InProcess",
        ["Events:ConsumerId"] = service,
        ["Telemetry:SharedByProcess"] = "true",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Safeguarding"] = "Warning",
        // Readiness is probed while databases are still being created at start; the probes answer
        // NOT_SERVING until then, which is what they are for, so their start-up failures are not news.
        ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "Critical",
    };
}
