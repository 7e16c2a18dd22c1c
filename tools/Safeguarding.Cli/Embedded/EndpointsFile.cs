using System.Text.Json;

namespace Safeguarding.Cli.Embedded;

/// <summary>
/// Where the running embedded platform listens, written to the data folder by `up` so other commands
/// (`import`, `report`) find the gateway without the user copying ports around.
/// </summary>
internal static class EndpointsFile
{
    public const string FileName = "endpoints.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(DirectoryInfo dataFolder, IEnumerable<RunningService> services)
    {
        var map = services.ToDictionary(s => s.Name, s => new Dictionary<string, string?> { ["grpc"] = s.GrpcAddress.ToString(), ["http"] = s.HttpAddress?.ToString() });
        File.WriteAllText(Path.Combine(dataFolder.FullName, FileName), JsonSerializer.Serialize(map, Indented));
    }

    public static void Delete(DirectoryInfo dataFolder) => File.Delete(Path.Combine(dataFolder.FullName, FileName));

    /// <summary>The gateway's gRPC address recorded by a running `up`.</summary>
    public static Uri GatewayAddress(DirectoryInfo dataFolder)
    {
        var file = Path.Combine(dataFolder.FullName, FileName);
        if (!File.Exists(file))
        {
            throw new CliException($"No running platform found ({file} is missing): start it with `safeguarding up`, or pass --gateway.");
        }

        var map = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string?>>>(File.ReadAllText(file));
        return map?.GetValueOrDefault("gateway")?.GetValueOrDefault("grpc") is { } address
            ? new Uri(address)
            : throw new CliException($"{file} names no gateway: start the platform again with `safeguarding up`.");
    }
}
