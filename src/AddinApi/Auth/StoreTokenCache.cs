using CollabAddin.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;

namespace CollabAddin.Api.Auth;

/// <summary>
/// A distributed cache on the configured database (SQLite, PostgreSQL or SQL Server alike), for Identity.Web's token
/// cache when several API instances serve one tenant: a token one instance got on behalf of a user is found by the
/// others. One row per key; expired rows are refused on read and swept at most once a minute by a write.
/// </summary>
public sealed class StoreTokenCache(IServiceScopeFactory scopes, TimeProvider clock) : IDistributedCache
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    private long _nextSweepTicks;

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CollabDb>();
        var now = Now;
        var entry = await db.TokenCacheEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Key == key, token);
        if (entry is null || entry.ExpiresAt <= now)
            return null;
        if (entry.SlidingSeconds is { } sliding)
            await Slide(db, key, Expiry(now, sliding, entry.AbsoluteExpiresAt), token);
        return entry.Value;
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CollabDb>();
        var entry = await db.TokenCacheEntries.AsNoTracking().Where(e => e.Key == key)
            .Select(e => new { e.SlidingSeconds, e.AbsoluteExpiresAt }).FirstOrDefaultAsync(token);
        if (entry?.SlidingSeconds is { } sliding)
            await Slide(db, key, Expiry(Now, sliding, entry.AbsoluteExpiresAt), token);
    }

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CollabDb>().TokenCacheEntries.Where(e => e.Key == key).ExecuteDeleteAsync(token);
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, TokenCacheEntry.KeyLength, nameof(key));
        var now = Now;
        DateTime? absolute = options.AbsoluteExpiration?.UtcDateTime
            ?? (options.AbsoluteExpirationRelativeToNow is { } relative ? now + relative : null);
        long? sliding = options.SlidingExpiration is { } s ? (long)s.TotalSeconds : null;
        var expires = sliding is { } seconds ? Expiry(now, seconds, absolute) : absolute ?? DateTime.MaxValue;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CollabDb>();
        await SweepIfDue(db, now, token);
        // Update first: most writes replace an entry. Two instances inserting one new key at once: the loser's insert
        // fails on the key and it updates instead — last writer wins, as with any distributed cache.
        if (await Update(db, key, value, expires, sliding, absolute, token) > 0)
            return;
        db.TokenCacheEntries.Add(new TokenCacheEntry { Key = key, Value = value, ExpiresAt = expires, SlidingSeconds = sliding, AbsoluteExpiresAt = absolute });
        try
        {
            await db.SaveChangesAsync(token);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await Update(db, key, value, expires, sliding, absolute, token);
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static DateTime Expiry(DateTime now, long slidingSeconds, DateTime? absolute)
    {
        var slid = now.AddSeconds(slidingSeconds);
        return absolute is { } cap && cap < slid ? cap : slid;
    }

    private static Task<int> Update(CollabDb db, string key, byte[] value, DateTime expires, long? sliding, DateTime? absolute, CancellationToken ct) =>
        db.TokenCacheEntries.Where(e => e.Key == key).ExecuteUpdateAsync(u => u
            .SetProperty(e => e.Value, value).SetProperty(e => e.ExpiresAt, expires)
            .SetProperty(e => e.SlidingSeconds, sliding).SetProperty(e => e.AbsoluteExpiresAt, absolute), ct);

    private static Task<int> Slide(CollabDb db, string key, DateTime expires, CancellationToken ct) =>
        db.TokenCacheEntries.Where(e => e.Key == key).ExecuteUpdateAsync(u => u.SetProperty(e => e.ExpiresAt, expires), ct);

    private async Task SweepIfDue(CollabDb db, DateTime now, CancellationToken ct)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.Ticks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepEvery).Ticks, due) != due)
            return;
        await db.TokenCacheEntries.Where(e => e.ExpiresAt <= now).ExecuteDeleteAsync(ct);
    }
}
