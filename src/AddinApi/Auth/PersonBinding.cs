using CollabAddin.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CollabAddin.Api.Auth;

/// <summary>
/// At a person's sign-in (the first request of a token, then at most every quarter of an hour per instance): records
/// them as a <see cref="KnownPerson"/>, binds the rows written for their email that no account owns yet — items they
/// own, meetings they organize or attend — to their object id, and brings the rows already bound to them up to their
/// current email (a renamed person's mail goes to the new address, and queries find the rows by it: see PersonMatch).
/// </summary>
public static class PersonBinding
{
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(15);

    public static IApplicationBuilder UsePersonBinding(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Only a token that acts for a person through this API (the ApiUser policy's claims) binds anything.
        if (context.User.Identity?.IsAuthenticated == true && AuthSetup.ActsForPerson(context.User) && context.User.FindFirst(EntraClaims.ObjectId) is not null
            && context.User.FindFirst(EntraClaims.PreferredUsername) is not null && context.User.FindFirst(EntraClaims.TenantId) is not null)
        {
            var caller = Caller.From(context.User);
            var cache = context.RequestServices.GetRequiredService<IMemoryCache>();
            var key = $"bound|{caller.TenantId}|{caller.ObjectId}|{caller.Email}";
            if (!cache.TryGetValue(key, out _))
            {
                await BindAsync(context.RequestServices.GetRequiredService<CollabDb>(), caller,
                    context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, context.RequestAborted);
                cache.Set(key, true, Remember);
            }
        }
        await next(context);
    });

    public static async Task BindAsync(CollabDb db, Caller caller, DateTime now, CancellationToken ct)
    {
        var person = await db.KnownPeople.SingleOrDefaultAsync(p => p.ObjectId == caller.ObjectId, ct);
        if (person is null)
            db.KnownPeople.Add(new KnownPerson { TenantId = caller.TenantId, ObjectId = caller.ObjectId, Email = caller.Email, Name = caller.Name, LastSeenAt = now });
        else
            (person.Email, person.Name, person.LastSeenAt) = (caller.Email, caller.Name, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // the same person's first two requests raced: the other one recorded them
        }

        // Not a change anyone made (no history row, no new version): the rows gain the owner's identity, nothing else.
        // The tenant filter confines each statement to the caller's tenant.
        var (oid, email) = (caller.ObjectId, caller.Email);
        await db.ActionItems.Where(i => i.OwnerObjectId == null && i.OwnerEmail == email)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.OwnerObjectId, oid), ct);
        await db.Meetings.Where(m => m.OrganizerObjectId == null && m.OrganizerEmail == email)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.OrganizerObjectId, oid), ct);
        await db.Decisions.Where(d => d.OwnerObjectId == null && d.OwnerEmail == email)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.OwnerObjectId, oid), ct);
        // Attendees are owned by their meeting (no set of their own to update through), hence SQL, quoted for every provider.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""UPDATE "MeetingAttendees" SET "ObjectId" = {oid} WHERE "ObjectId" IS NULL AND "Email" = {email} AND "MeetingId" IN (SELECT "Id" FROM "Meetings" WHERE "TenantId" = {caller.TenantId})""", ct);

        // Renamed: the rows bound to this account follow it to its new email (an attendee only where the meeting has
        // no attendee by that email already: the email is part of an attendance's key).
        var moved = await db.ActionItems.Where(i => i.OwnerObjectId == oid && i.OwnerEmail != email).Select(i => i.OwnerEmail).Distinct().ToListAsync(ct);
        if (moved.Count > 0)
            // The items leave the old address's list and join the new one's: both lists get new stamps, in the same transaction.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                await db.ActionItems.Where(i => i.OwnerObjectId == oid && i.OwnerEmail != email)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.OwnerEmail, email), token);
                await ListVersioning.BumpAsync(db, moved.Append(email).Select(e => (caller.TenantId, e)), token);
                await transaction.CommitAsync(token);
            }, ct);
        await db.Meetings.Where(m => m.OrganizerObjectId == oid && m.OrganizerEmail != email)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.OrganizerEmail, email), ct);
        await db.Decisions.Where(d => d.OwnerObjectId == oid && d.OwnerEmail != email)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.OwnerEmail, email), ct);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""UPDATE "MeetingAttendees" SET "Email" = {email} WHERE "ObjectId" = {oid} AND "Email" <> {email} AND "MeetingId" IN (SELECT "Id" FROM "Meetings" WHERE "TenantId" = {caller.TenantId}) AND NOT EXISTS (SELECT 1 FROM "MeetingAttendees" x WHERE x."MeetingId" = "MeetingAttendees"."MeetingId" AND x."Email" = {email})""", ct);
    }
}
