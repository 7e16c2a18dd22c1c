using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Safeguarding.Platform.Persistence;

/// <summary>Points an EF Core context at the configured engine.</summary>
public static class DbContextOptionsBuilderExtensions
{
    /// <summary>Uses SQLite or PostgreSQL according to <paramref name="options"/>.</summary>
    public static DbContextOptionsBuilder UsePlatformDatabase(this DbContextOptionsBuilder builder, PersistenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteDirectory(options.ConnectionString);
                builder.UseSqlite(options.ConnectionString);
                builder.AddInterceptors(SqliteConnectionSettings.Instance);
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(options.ConnectionString);
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {options.Provider}.");
        }

        return builder;
    }

    /// <summary>Typed variant of <see cref="UsePlatformDatabase(DbContextOptionsBuilder, PersistenceOptions)"/>.</summary>
    public static DbContextOptionsBuilder<TContext> UsePlatformDatabase<TContext>(
        this DbContextOptionsBuilder<TContext> builder, PersistenceOptions options)
        where TContext : DbContext
    {
        ((DbContextOptionsBuilder)builder).UsePlatformDatabase(options);
        return builder;
    }

    // A fresh embedded install has no data directory yet; SQLite would fail to create the file.
    private static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" ||
            dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
