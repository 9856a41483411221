using System.Globalization;
using CollabAddin.Api.Data;
using CollabAddin.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Projects;

/// <summary>A part of a project edited under its own version (its ETag): the project, a milestone, an issue, a risk, an acceptance.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>
/// The one edit protocol of a project and its parts, once the part is loaded and the caller allowed: If-Match against the
/// part's version (428 without one, 412 with the part as stored when stale), the change, the version bumped when something
/// changed, one save with whatever events and mails the change planned, and a writer who saved first met with the same 412.
/// </summary>
internal static class PartEdits
{
    /// <param name="apply">The change, or why it is refused (nothing is saved then).</param>
    /// <param name="saved">The part as the caller sees it after the save.</param>
    /// <param name="stored">The part as stored now, read afresh, with its version (for the 412).</param>
    public static async Task<Results<Ok<TView>, ProblemHttpResult>> SaveAsync<TView>(CollabDb db, IVersioned part, HttpRequest request, HttpResponse response,
        CultureInfo culture, Func<Task<ProblemHttpResult?>> apply, Func<Task<TView>> saved, Func<Task<(TView View, int Version)>> stored, CancellationToken ct,
        string staleTitle = "project.stale")
    {
        switch (ETags.Check(request, part.Version))
        {
            case ETags.Precondition.Missing or ETags.Precondition.Wildcard:
                return Problems.Problem(StatusCodes.Status428PreconditionRequired, Messages.Format("project.ifMatchRequired", culture),
                    Messages.Format("item.ifMatchRequiredDetail", culture));
            case ETags.Precondition.Stale:
                return await StaleAsync();
        }
        if (await apply() is { } refused) return refused;
        if (db.ChangeTracker.HasChanges()) part.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear(); // someone else saved first (or the follow-up worker did): show them what is there now
            return await StaleAsync();
        }
        response.Headers.ETag = ETags.For(part.Version);
        return TypedResults.Ok(await saved());

        async Task<ProblemHttpResult> StaleAsync()
        {
            var (current, version) = await stored();
            response.Headers.ETag = ETags.For(version);
            return Problems.Problem(StatusCodes.Status412PreconditionFailed, Messages.Format(staleTitle, culture), Messages.Format("project.staleDetail", culture),
                "current", current);
        }
    }
}
