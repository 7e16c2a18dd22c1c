using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Safeguarding.Deployment.Tests.Support;

namespace Safeguarding.Deployment.Tests;

/// <summary>
/// Builds the measures image with tools/images/build.sh (self-contained publish, FROM scratch, podman)
/// and runs it the way the manifests do: read-only root, /tmp the only writable path, UID 10001, no
/// capabilities, no new privileges. It must answer gRPC health to the reference client (Debian's
/// python3-grpcio) and GET /healthz/ready. If podman cannot build or run containers on this machine the
/// test fails with the reason; it never skips. It removes its container and image.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ContainerImageTests
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task The_measures_image_starts_read_only_as_10001_and_answers_grpc_and_http_health()
    {
        var podman = Tool.Find("podman") ?? throw new InvalidOperationException("podman is not installed: tools/testenv/install.sh installs podman, buildah and runc (Debian packages).");
        Assert.True(File.Exists(Python), $"{Python} is missing (Debian python3-grpcio and python3-grpc-tools; tools/testenv/install.sh)");
        var tag = "test-" + Guid.NewGuid().ToString("N")[..12];
        var image = $"localhost/safeguarding/measures:{tag}";
        var container = "safeguarding-measures-" + tag;
        try
        {
            var build = await Tool.RunAsync(Repo.PathOf("tools", "images", "build.sh"), ["--tag", tag, "measures"], TimeSpan.FromMinutes(25));
            Assert.True(build.Succeeded, "tools/images/build.sh measures failed:\n" + build.Describe());

            var inspect = await Tool.RunAsync(podman, ["image", "inspect", image], TimeSpan.FromMinutes(1));
            Assert.True(inspect.Succeeded, inspect.Describe());
            var imageConfig = JsonDocument.Parse(inspect.Stdout).RootElement[0].GetProperty("Config");
            Assert.Equal("10001:10001", imageConfig.GetProperty("User").GetString());
            Assert.True(imageConfig.GetProperty("ExposedPorts").TryGetProperty("5000/tcp", out _), "the image does not expose 5000");
            Assert.True(imageConfig.GetProperty("ExposedPorts").TryGetProperty("8080/tcp", out _), "the image does not expose 8080");
            Assert.Equal("/app/Safeguarding.Measures", imageConfig.GetProperty("Entrypoint")[0].GetString());

            var (grpcPort, httpPort) = (FreeLoopbackPort(), FreeLoopbackPort());
            // runc here cannot raise rlimits above this process's own hard limits, and podman's default
            // nofile/nproc are higher: pass limits this process already has.
            var noFile = HardLimit("Max open files", 1024);
            var processes = Math.Min(HardLimit("Max processes", 4096), 4096);
            var run = await Tool.RunAsync(podman,
            [
                "run", "--detach", "--name", container, "--runtime", "runc",
                "--ulimit", $"nofile={noFile}:{noFile}", "--ulimit", $"nproc={processes}:{processes}",
                // Host networking, but the service binds loopback only.
                "--network", "host",
                "--read-only", "--read-only-tmpfs=false", "--tmpfs", "/tmp:rw,mode=1777,size=64m",
                "--user", "10001:10001", "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
                "-e", "Endpoints__Address=127.0.0.1",
                // Every service validates callers' tokens itself and will not start without a way to (zero trust).
                "-e", "Auth__DevelopmentKey=container-test-development-key-0123456789abcdef",
                "-e", $"Endpoints__GrpcPort={grpcPort}",
                "-e", $"Endpoints__HttpPort={httpPort}",
                "-e", "Persistence__Provider=Sqlite",
                "-e", "Persistence__ConnectionString=Data Source=/tmp/measures.db",
                "-e", "Events__Transport=InProcess",
                image,
            ], TimeSpan.FromMinutes(2));
            Assert.True(run.Succeeded, "podman cannot run the container on this machine:\n" + run.Describe());

            var ready = await WaitForReadyAsync(podman, container, httpPort);
            Assert.True(ready is null, ready);

            var health = await Tool.RunAsync(Python,
                [Repo.PathOf("tests", "Safeguarding.Deployment.Tests", "scripts", "health_check.py"), Repo.PathOf("tests", "interop", "protos"), $"127.0.0.1:{grpcPort}", "safeguarding.measures.v1.MeasuresService"],
                TimeSpan.FromMinutes(2));
            Assert.True(health.Succeeded, "gRPC health from python3-grpcio failed:\n" + health.Describe() + await LogsAsync(podman, container));
            var statuses = health.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(2, statuses.Count);
            Assert.All(statuses, s => Assert.Equal("SERVING", s.GetProperty("status").GetString()));

            // The running process, seen from the host: UID 10001, no capabilities, no new privileges,
            // a read-only root, and the database written to /tmp.
            var pid = await Tool.RunAsync(podman, ["inspect", "--format", "{{.State.Pid}}", container], TimeSpan.FromMinutes(1));
            Assert.True(pid.Succeeded, pid.Describe());
            var proc = $"/proc/{pid.Stdout.Trim()}";
            var status = File.ReadAllLines($"{proc}/status").Select(l => l.Split(':', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1].Trim());
            Assert.Equal("10001", status["Uid"].Split('\t')[0]);
            Assert.Equal("10001", status["Gid"].Split('\t')[0]);
            Assert.Equal("0000000000000000", status["CapEff"]);
            Assert.Equal("1", status["NoNewPrivs"]);
            var root = File.ReadAllLines($"{proc}/mountinfo").Select(l => l.Split(' ')).Single(f => f[4] == "/");
            Assert.Contains("ro", root[5].Split(','));
            Assert.True(File.Exists($"{proc}/root/tmp/measures.db"), "the service wrote no SQLite database to /tmp");
        }
        finally
        {
            await Tool.RunAsync(podman, ["rm", "--force", "--time", "5", container], TimeSpan.FromMinutes(1));
            await Tool.RunAsync(podman, ["rmi", "--force", image], TimeSpan.FromMinutes(1));
        }
    }

    /// <summary>Polls GET /healthz/ready until 200; null when ready, else why not (with the container's logs).</summary>
    private static async Task<string?> WaitForReadyAsync(string podman, string container, int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var last = "no answer";
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz/ready"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return null;
                }

                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException)
            {
                last = "timed out";
            }

            var state = await Tool.RunAsync(podman, ["inspect", "--format", "{{.State.Status}}", container], TimeSpan.FromMinutes(1));
            if (state.Stdout.Trim() is "exited" or "stopped")
            {
                return "the container exited:" + await LogsAsync(podman, container);
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return $"/healthz/ready never answered 200 (last: {last})" + await LogsAsync(podman, container);
    }

    private static async Task<string> LogsAsync(string podman, string container)
    {
        var logs = await Tool.RunAsync(podman, ["logs", "--tail", "60", container], TimeSpan.FromMinutes(1));
        return $"\n--- container logs\n{logs.Stdout}{logs.Stderr}";
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int HardLimit(string name, int fallback)
    {
        var line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        var fields = line?[name.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: >= 2 } && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var hard) ? hard : fallback;
    }
}
