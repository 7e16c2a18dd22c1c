namespace Safeguarding.Deployment.Tests.Support;

/// <summary>Paths in the repository under test.</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root: SAFEGUARDING_REPO_ROOT (set by tools/test.sh), else the folder above the test binaries holding the solution.</summary>
    public static string Root => RootPath.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("SAFEGUARDING_REPO_ROOT") is { Length: > 0 } configured && File.Exists(Path.Combine(configured, "Safeguarding.Platform.sln")))
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Safeguarding.Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (Safeguarding.Platform.sln) above " + AppContext.BaseDirectory);
    }
}
