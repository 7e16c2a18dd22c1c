using Google.Rpc;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary>Runs a command's work and turns the problems a user can act on into a plain message and exit code 1.</summary>
internal static class CommandOutcome
{
    public static async Task<int> RunAsync(Func<Task<int>> work)
    {
        try
        {
            return await work();
        }
        catch (CliException ex)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return 1;
        }
        catch (RpcException ex)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] the platform refused the call: {ex.StatusCode} — {ex.Status.Detail}");
            foreach (var violation in ex.GetDetail<BadRequest>()?.FieldViolations ?? [])
            {
                AnsiConsole.MarkupLineInterpolated($"  [yellow]{violation.Field}[/]: {violation.Description}");
            }

            return 1;
        }
        catch (IOException ex)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return 1;
        }
    }
}
