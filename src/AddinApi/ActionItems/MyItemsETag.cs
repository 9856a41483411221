using System.Security.Cryptography;
using System.Text;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using Microsoft.Net.Http.Headers;

namespace CollabAddin.Api.ActionItems;

/// <summary>
/// The ETag of a person's "my action items": who they are, their list's stamp and the tenant-wide stamp
/// (<see cref="ListVersioning"/>), and the quarter hour. "Overdue" turns at midnight in each item's zone, and every
/// zone's midnight falls on a quarter hour of UTC, so within one quarter hour the same stamps mean the same answer.
/// Weak: the same list, not the same bytes (the JSON is not promised byte for byte).
/// </summary>
public static class MyItemsETag
{
    public static async Task<string> ForAsync(CollabDb db, Caller caller, DateTime utcNow, CancellationToken ct)
    {
        var (own, everyone) = await ListVersioning.StampsAsync(db, caller.TenantId, caller.Email, ct);
        var quarter = utcNow.Ticks / (TimeSpan.TicksPerMinute * 15);
        return $"W/\"{Person(caller)}.{own:x}.{everyone:x}.{quarter:x}\"";
    }

    /// <summary>Unstamped lists have the same stamps (0); the person's part keeps one person's ETag from ever answering for another's list.</summary>
    private static string Person(Caller caller) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{caller.TenantId}|{caller.ObjectId}|{caller.Email}")).AsSpan(0, 8));

    /// <summary>If-None-Match names this ETag (weak comparison, RFC 9110 §13.1.2), or is "*".</summary>
    public static bool Unchanged(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0 || !EntityTagHeaderValue.TryParseList(header, out var tags)) return false;
        var current = EntityTagHeaderValue.Parse(etag);
        return tags.Any(t => t == EntityTagHeaderValue.Any || t.Compare(current, useStrongComparison: false));
    }
}
