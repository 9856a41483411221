using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Data;

/// <summary>
/// A save that lost a race to another writer — in this instance or another one over the same database: a row it read
/// changed since (the concurrency token), or a row it adds by a unique key is already there (the same department
/// named by two publishes, the alert of the same item version planned by two racing edits). Nothing of the save was
/// stored; the caller reads again and merges, or answers 412.
/// </summary>
public static class SaveRace
{
    public static bool Lost(DbUpdateException exception) => exception is DbUpdateConcurrencyException || DuplicateKey(exception);

    /// <summary>Each provider says "duplicate key" in its own way.</summary>
    public static bool DuplicateKey(DbUpdateException exception) => exception.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException lite => lite.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
        Microsoft.Data.SqlClient.SqlException sql => sql.Number is 2601 or 2627,                     // duplicate key in a unique index, a unique constraint
        _ => false,
    };
}
