using System.Diagnostics;

namespace Safeguarding.Cli.Tests.Support;

/// <summary>`safeguarding up` in a child process with its own data folder, for the commands that talk to it.</summary>
public sealed class RunningPlatform : IAsyncLifetime
{
    private Process? _up;

    public DirectoryInfo Data { get; } = Directory.CreateTempSubdirectory("cli-tests-up-");

    public async Task InitializeAsync()
    {
        _up = Process.Start(SafeguardingCli.StartInfo("up", "--data", Data.FullName))!;
        _up.OutputDataReceived += (_, _) => { };
        _up.ErrorDataReceived += (_, _) => { };
        _up.BeginOutputReadLine();
        _up.BeginErrorReadLine();
        // `up` writes endpoints.json once every service and the gateway listen.
        var endpoints = Path.Combine(Data.FullName, "endpoints.json");
        var waited = Stopwatch.StartNew();
        while (!File.Exists(endpoints))
        {
            if (_up.HasExited || waited.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new InvalidOperationException($"`safeguarding up` did not start (exit: {(_up.HasExited ? _up.ExitCode : "still running")}).");
            }

            await Task.Delay(200);
        }
    }

    public Task<CliResult> RunAsync(params string[] args) => SafeguardingCli.RunAsync(TimeSpan.FromMinutes(3), [.. args, "--data", Data.FullName]);

    public async Task DisposeAsync()
    {
        if (_up is { HasExited: false })
        {
            _up.Kill(entireProcessTree: true);
            await _up.WaitForExitAsync();
        }

        _up?.Dispose();
        Data.Delete(recursive: true);
    }
}
