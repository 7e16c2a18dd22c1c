namespace Safeguarding.Measures.Tests.Support;

/// <summary>
/// Finds shared/fixtures by walking up from the test's base directory: the repo is cloned with
/// shared/ beside it (/work/main and /work/shared; in CI &lt;clone&gt; and ../shared).
/// </summary>
internal static class FixtureFiles
{
    public const string ChildrenInNeedReferrals = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025_london.csv";

    public static string Path(string fileName)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            foreach (var candidate in new[] { System.IO.Path.Combine(directory.FullName, "shared", "fixtures"), System.IO.Path.Combine(directory.FullName, "..", "shared", "fixtures") })
            {
                var file = System.IO.Path.Combine(candidate, fileName);
                if (File.Exists(file))
                {
                    return System.IO.Path.GetFullPath(file);
                }
            }
        }

        throw new FileNotFoundException($"shared/fixtures/{fileName} was not found above {AppContext.BaseDirectory}; clone the repo with shared/ beside it.");
    }
}
