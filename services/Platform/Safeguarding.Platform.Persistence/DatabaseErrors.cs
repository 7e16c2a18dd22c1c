using Microsoft.Data.Sqlite;
using Npgsql;

namespace Safeguarding.Platform.Persistence;

/// <summary>Classifies provider exceptions the platform reacts to.</summary>
public static class DatabaseErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>True when <paramref name="exception"/> (or an inner one) is a unique/primary key violation.</summary>
    public static bool IsUniqueViolation(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }:
                    return true;
                case SqliteException { SqliteErrorCode: SqliteConstraint } sqlite
                    when sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey:
                    return true;
            }
        }

        return false;
    }
}
