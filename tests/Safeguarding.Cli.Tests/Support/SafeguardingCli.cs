using System.Diagnostics;
using System.Text;

namespace Safeguarding.Cli.Tests.Support;

/// <summary>Runs the built `safeguarding` program (same configuration as these tests) as a child process.</summary>
public static class SafeguardingCli
{
    /// <summary>tools/Safeguarding.Cli/bin/&lt;configuration&gt;/net10.0/safeguarding.dll, found from this assembly's folder.</summary>
    public static string Program { get; } = Locate();

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Program);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Plain text: no colours or cursor movement in what the tests read.
        info.Environment["NO_COLOR"] = "1";
        info.Environment["TERM"] = "dumb";
        info.Environment["COLUMNS"] = "200";
        return info;
    }

    /// <summary>Runs a command to completion (killed after <paramref name="timeout"/>).</summary>
    public static async Task<CliResult> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"safeguarding {string.Join(' ', args)} did not finish within {timeout}.\n{await stdout}\n{await stderr}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static string Locate()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory); // tests/Safeguarding.Cli.Tests/bin/<config>/net10.0/
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Safeguarding.Platform.sln")))
        {
            root = root.Parent;
        }

        var program = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Repository root not found."), "tools", "Safeguarding.Cli", "bin", configuration, "net10.0", "safeguarding.dll");
        return File.Exists(program) ? program : throw new FileNotFoundException("Build the CLI first.", program);
    }
}

/// <summary>What a finished command left: exit code and its output.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string All => new StringBuilder(Out).AppendLine().Append(Error).ToString();
}
