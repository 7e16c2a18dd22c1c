namespace Safeguarding.Platform.Persistence;

/// <summary>The database engines a service can run on, chosen by configuration (<c>Persistence:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded SQLite file: the single-process default.</summary>
    Sqlite = 0,

    /// <summary>PostgreSQL: production and CI.</summary>
    Postgres = 1,
}
