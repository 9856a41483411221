using CollabAddin.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Auth;

/// <summary>
/// The one rule for "is this row the caller's": a row bound to an object id matches only that id (Microsoft documents
/// <c>preferred_username</c> as mutable and not for authorization); a row not bound yet — written for someone who has
/// not signed in since — matches by email, and is bound at that person's first sign-in (<see cref="PersonBinding"/>).
/// </summary>
/// <remarks>
/// Queries state the rule as <c>email = caller's AND (oid = caller's OR oid IS NULL)</c>: one seek on the email index.
/// That is the same rule because binding also keeps bound rows' email current — a renamed person's first request
/// rewrites their rows to the new email before any handler runs — so a row bound to the caller always carries the
/// caller's email. (Stated as "oid = caller's OR (oid IS NULL AND email = caller's)", no index could serve it.)
/// </remarks>
public static class PersonMatch
{
    public static bool Is(string? rowObjectId, string rowEmail, Caller caller) =>
        rowObjectId is not null ? rowObjectId == caller.ObjectId : rowEmail == caller.Email;

    /// <summary>The object ids known for these emails in the caller's tenant (the latest sign-in wins when an email moved).</summary>
    public static async Task<Dictionary<string, string>> KnownObjectIdsAsync(CollabDb db, IEnumerable<string> emails, CancellationToken ct)
    {
        var wanted = emails.Distinct().ToList();
        if (wanted.Count == 0) return [];
        return (await db.KnownPeople.AsNoTracking().Where(p => wanted.Contains(p.Email)).OrderBy(p => p.LastSeenAt).ToListAsync(ct))
            .GroupBy(p => p.Email).ToDictionary(g => g.Key, g => g.Last().ObjectId);
    }
}
