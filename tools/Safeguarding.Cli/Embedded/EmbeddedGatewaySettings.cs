using System.Globalization;
using Safeguarding.Cli.Demo;

namespace Safeguarding.Cli.Embedded;

/// <summary>
/// The embedded gateway's configuration: a registry of London (region) → the Northbridge partnership
/// and its agencies (which share their records with the partnership) → plus every London borough as a
/// partnership whose published figures live in the same measures instance, all served by this
/// process's service instances; a development key; and limits suited to one person on one machine.
/// </summary>
internal static class EmbeddedGatewaySettings
{
    private const string Registry = "Gateway:Registry";

    public static Dictionary<string, string?> For(DirectoryInfo dataFolder, string developmentKey, IReadOnlyList<RunningService> services, IReadOnlyList<(string Code, string Name)> boroughs)
    {
        var settings = EmbeddedSettings.Base("gateway", dataFolder, developmentKey);
        settings["Gateway:Auth:DevelopmentKey"] = developmentKey;
        settings["Gateway:Audit:DatabasePath"] = Path.Combine(dataFolder.FullName, "gateway-audit.db");
        // The demo seeds thousands of figures as fast as it can; a shared gateway keeps the defaults.
        settings["Gateway:RateLimit:PermitsPerSecond"] = "5000";
        settings["Gateway:RateLimit:Burst"] = "10000";
        foreach (var service in services)
        {
            settings[$"{Registry}:Instances:{service.Name}"] = service.GrpcAddress.ToString();
        }

        settings[$"{Registry}:Region:Code"] = DemoPartnership.RegionCode;
        settings[$"{Registry}:Region:Name"] = "London";
        if (services.Any(s => s.Name == "measures"))
        {
            // The region's own code holds the published figures its analysts import and read (issue 19 item 6).
            settings[$"{Registry}:Region:Services:measures"] = "measures";
        }

        if (services.Any(s => s.Name == "reporting"))
        {
            // The London Board's own reports, made from published figures and the gateway's aggregates.
            settings[$"{Registry}:Region:Services:reporting"] = "reporting";
        }

        var partnership = $"{Registry}:Region:Partnerships:0";
        AddOrganisation(settings, partnership, DemoPartnership.Partnership.Code, DemoPartnership.Partnership.Name);
        foreach (var service in services)
        {
            settings[$"{partnership}:Services:{service.Name}"] = service.Name;
        }

        for (var i = 0; i < DemoPartnership.Agencies.Count; i++)
        {
            var agency = $"{partnership}:Agencies:{i}";
            AddOrganisation(settings, agency, DemoPartnership.Agencies[i].Code, DemoPartnership.Agencies[i].Name);
            settings[$"{agency}:SharesWithPartnership"] = "true";
        }

        for (var i = 0; i < boroughs.Count; i++)
        {
            var borough = $"{Registry}:Region:Partnerships:{(i + 1).ToString(CultureInfo.InvariantCulture)}";
            AddOrganisation(settings, borough, boroughs[i].Code, boroughs[i].Name);
            settings[$"{borough}:Services:measures"] = "measures";
        }

        return settings;
    }

    private static void AddOrganisation(Dictionary<string, string?> settings, string prefix, string code, string name)
    {
        settings[$"{prefix}:Code"] = code;
        settings[$"{prefix}:Name"] = name;
    }
}
