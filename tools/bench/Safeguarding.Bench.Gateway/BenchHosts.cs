namespace Safeguarding.Bench.Gateway;

/// <summary>What every server of the bench shares: the Ctrl+C token and the host arguments.</summary>
internal static class BenchHosts
{
    /// <summary>Cancelled by Ctrl+C.</summary>
    public static readonly CancellationTokenSource Stop = new();

    /// <summary>Host arguments: content root in the bench folder (no appsettings.json from wherever the script runs), no file watching.</summary>
    public static string[] Arguments(DirectoryInfo folder) =>
        [$"--contentRoot={folder.FullName}", "--hostBuilder:reloadConfigOnChange=false", "--environment=Production"];
}
