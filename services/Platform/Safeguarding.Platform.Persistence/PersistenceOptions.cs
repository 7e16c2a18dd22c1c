namespace Safeguarding.Platform.Persistence;

/// <summary>Binds the <c>Persistence</c> configuration section of a service.</summary>
public sealed class PersistenceOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Persistence";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>A Microsoft.Data.Sqlite or Npgsql connection string.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Apply pending schema migrations when the host starts (default true).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new InvalidOperationException(
                $"{SectionName}:ConnectionString is required (provider {Provider}).");
        }

        if (!Enum.IsDefined(Provider))
        {
            throw new InvalidOperationException($"{SectionName}:Provider must be Sqlite or Postgres.");
        }
    }
}
