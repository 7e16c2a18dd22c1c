using System.Security.Cryptography;

namespace Safeguarding.Cli.Embedded;

/// <summary>
/// The embedded gateway's token-signing key: random, kept in the data folder (owner-only) so `token`,
/// `import` and `report` can mint tokens the running gateway accepts. Never a fixed key in the source.
/// </summary>
internal static class DevelopmentKey
{
    public const string FileName = "development-key";

    public static string LoadOrCreate(DirectoryInfo dataFolder)
    {
        var file = new FileInfo(Path.Combine(dataFolder.FullName, FileName));
        if (file.Exists)
        {
            return Load(file);
        }

        dataFolder.Create();
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(new FileStream(file.FullName, options)))
        {
            writer.Write(key);
        }

        return key;
    }

    public static string Load(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new CliException($"No development key at {file.FullName}: start the platform first (`safeguarding up` or `demo --serve`), or pass --key-file.");
        }

        return File.ReadAllText(file.FullName).Trim();
    }
}
