using System.Diagnostics;
using Safeguarding.Cli.Tests.Support;

namespace Safeguarding.Cli.Tests;

/// <summary>`up` as a service manager runs it: started, then stopped with SIGTERM (Linux, like CI).</summary>
[Trait("Category", "Integration")]
public sealed class UpCommandTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("cli-tests-sigterm-");

    [Fact]
    public async Task Up_stops_cleanly_on_sigterm_and_removes_its_endpoints_file()
    {
        using var up = Process.Start(SafeguardingCli.StartInfo("up", "--data", _data.FullName))!;
        up.BeginOutputReadLine();
        up.BeginErrorReadLine();
        var endpoints = Path.Combine(_data.FullName, "endpoints.json");
        var waited = Stopwatch.StartNew();
        while (!File.Exists(endpoints) && !up.HasExited && waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(200);
        }

        Assert.True(File.Exists(endpoints), "`up` did not start");
        using (var kill = Process.Start("kill", ["-TERM", up.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await up.WaitForExitAsync(stop.Token);

        Assert.Equal(0, up.ExitCode);
        Assert.False(File.Exists(endpoints));
    }

    public void Dispose() => _data.Delete(recursive: true);
}
