using System.Globalization;
using CollabAddin.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Projects;

/// <summary>
/// The request's readable number, "XT-2026-0042": 协同 (XT), the year, and a running number per tenant and year.
/// The unique index on (tenant, number) is the arbiter: two requests created at once (two instances) compute the same
/// next number, one save fails, and that one takes the following number.
/// </summary>
public static class ProjectNumbers
{
    public const string Prefix = "XT";
    public const int Attempts = 5;

    public static string Format(int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{year}-{sequence:0000}");

    public static async Task<string> NextAsync(CollabDb db, int year, CancellationToken ct)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{year}-");
        // Numbers of one year have the same width until 9999, so the greatest string is the greatest number.
        var last = await db.Projects.Where(p => p.Number.StartsWith(prefix)).OrderByDescending(p => p.Number.Length).ThenByDescending(p => p.Number)
            .Select(p => p.Number).FirstOrDefaultAsync(ct);
        var sequence = last is null ? 0 : int.Parse(last.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture);
        return Format(year, sequence + 1);
    }

    /// <summary>Saves a new project under the next free number, taking the following one when another save won the race.</summary>
    public static async Task SaveNewAsync(CollabDb db, Project project, int year, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            project.Number = await NextAsync(db, year, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Lost the race for this number: the project and its event are still Added; try the next number.
                // Any other failure is not ours to retry.
                if (!await NumberTakenAsync(db, project.Number, ct)) throw;
            }
        }
    }

    private static Task<bool> NumberTakenAsync(CollabDb db, string number, CancellationToken ct) =>
        db.Projects.AsNoTracking().AnyAsync(p => p.Number == number, ct);
}
