using System.CommandLine;
using Safeguarding.Cli.Embedded;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary>`up`: every service and the gateway in this process on loopback ports, SQLite files, in-process events.</summary>
internal static class UpCommand
{
    public static Command Create()
    {
        var dataOption = new Option<DirectoryInfo>("--data")
        {
            Description = "Folder for the services' SQLite databases.",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("out", "data")),
        };
        var command = new Command("up", "Start every service and the gateway in one process on loopback ports (real gRPC between them) and serve until Ctrl+C.");
        command.Options.Add(dataOption);
        command.SetAction((parse, cancellationToken) => CommandOutcome.RunAsync(async () =>
        {
            await using var platform = await EmbeddedPlatform.StartAsync(parse.GetValue(dataOption)!, cancellationToken);
            PrintEndpoints(platform);
            AnsiConsole.MarkupLine("[grey]Serving. Press Ctrl+C to stop.[/]");
            await WaitForCtrlCAsync(cancellationToken);
            return 0;
        }));
        return command;
    }

    public static async Task WaitForCtrlCAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: the caller disposes the platform.
        }
    }

    public static void PrintEndpoints(EmbeddedPlatform platform)
    {
        var table = new Table().AddColumns("service", "gRPC (h2c)", "HTTP (health, Dapr; gateway: JSON, pages)");
        foreach (var service in platform.Services)
        {
            table.AddRow(service.Name, service.GrpcAddress.ToString(), service.HttpAddress?.ToString() ?? "-");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"Call the services through the gateway ({platform.GatewayAddress}) with a bearer token, e.g.");
        AnsiConsole.MarkupLineInterpolated($"  [grey]safeguarding token --organisation NB-CSC --role analyst --data {platform.DataFolder.FullName}[/]");
        if (platform.WebAddress is { } web)
        {
            AnsiConsole.MarkupLineInterpolated($"Web application: {web} (sign in with a token from the command above)");
        }

        if (platform.Get("gateway").HttpAddress is { } pages)
        {
            AnsiConsole.MarkupLineInterpolated($"Reports in a browser: {pages}signin (paste a token), then {pages}reports/NB-LSCP");
            AnsiConsole.MarkupLineInterpolated($"JSON: POST {pages}api/<package>.<Service>/<Method> with Authorization: Bearer <token>");
        }
    }
}
