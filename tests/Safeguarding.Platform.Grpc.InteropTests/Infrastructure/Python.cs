using System.Diagnostics;

namespace Safeguarding.Platform.Grpc.InteropTests.Infrastructure;

/// <summary>
/// Debian's /usr/bin/python3 with python3-grpcio and python3-grpc-tools, and the scripts in
/// tests/interop/. Missing packages fail the tests loudly: interop is never skipped.
/// </summary>
internal static class Python
{
    public const string Executable = "/usr/bin/python3";

    private static readonly Lazy<Task<string>> GeneratedStubs = new(GenerateStubsAsync);

    /// <summary>tests/interop/ of this checkout.</summary>
    public static string ScriptDirectory { get; } = FindScriptDirectory();

    /// <summary>Starts a script of tests/interop/ (after making sure grpcio is there and the stubs exist).</summary>
    public static async Task<ChildProcess> StartScriptAsync(string script, params string[] arguments)
    {
        var stubs = await GeneratedStubs.Value;
        return ChildProcess.Start(Executable, [Path.Combine(ScriptDirectory, script), .. arguments],
            new Dictionary<string, string> { ["INTEROP_GEN_DIR"] = stubs, ["PYTHONDONTWRITEBYTECODE"] = "1" });
    }

    /// <summary>Runs a script to its end and returns it (exit code and output), killing it if it hangs.</summary>
    public static async Task<ChildProcess> RunScriptAsync(string script, params string[] arguments)
    {
        var process = await StartScriptAsync(script, arguments);
        await process.WaitForExitAsync(TimeSpan.FromMinutes(3));
        return process;
    }

    private static async Task<string> GenerateStubsAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: the interop tests need Debian's python3 with python3-grpcio and python3-grpc-tools. Run ./tools/test.sh, which installs them.");
        }

        using (var probe = ChildProcess.Start(Executable, ["-c", "import grpc, grpc_tools.protoc; print(grpc.__version__)"]))
        {
            var exit = await probe.WaitForExitAsync(TimeSpan.FromMinutes(1));
            if (exit != 0)
            {
                throw new InvalidOperationException($"{Executable} cannot import grpc / grpc_tools (python3-grpcio, python3-grpc-tools). Run ./tools/test.sh, which installs them.\n{probe.Output}");
            }
        }

        // One stub tree per test run, in a temp folder, shared by every script this run starts.
        var directory = Path.Combine(Path.GetTempPath(), "safeguarding-interop-" + Guid.NewGuid().ToString("N"), "gen");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(Path.GetDirectoryName(directory)!);
        using var generate = ChildProcess.Start(Executable, [Path.Combine(ScriptDirectory, "interop_common.py"), "--generate", directory]);
        if (await generate.WaitForExitAsync(TimeSpan.FromMinutes(1)) != 0)
        {
            throw new InvalidOperationException($"Generating the Python stubs failed:\n{generate.Output}");
        }

        return directory;
    }

    private static string FindScriptDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "interop");
            if (File.Exists(Path.Combine(candidate, "interop_client.py")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"tests/interop/ was not found above {AppContext.BaseDirectory}.");
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: it is under the temp folder.
        }
    }
}
