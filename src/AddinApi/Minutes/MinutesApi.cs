using System.Security.Cryptography;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Hosting;
using CollabAddin.Api.Http;
using CollabAddin.Api.Meetings;
using CollabAddin.Minutes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollabAddin.Api.Minutes;

/// <summary>Section <c>Minutes</c>.</summary>
public sealed class MinutesOptions
{
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;
}

public static class MinutesApi
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    /// <summary>How many times a publish re-merges after losing an optimistic-concurrency race before answering 409.</summary>
    private const int MaxMergeAttempts = 6;

    public static void MapMinutes(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/meetings/{id:guid}/minutes").RequireAuthorization(AuthSetup.ApiUserPolicy).WithTags("Minutes");
        api.MapGet("/template", Template).WithSummary("The minutes document for this meeting (.docx), pre-filled with what is already published.")
            .Produces<Stream>(StatusCodes.Status200OK, DocxType).Refuses(404);
        var maxUpload = routes.ServiceProvider.GetRequiredService<IOptions<MinutesOptions>>().Value.MaxUploadBytes;
        api.MapPost("", Publish).WithSummary("Publish a minutes .docx into the tracked store. Idempotent; returns what it did row by row.")
            .RequireRateLimiting(SecurityHeaders.WritesPolicy).WithMetadata(new Uploads.Limit(maxUpload)).Refuses(404, 409, 413, 415, 422, 429)
            // Described for OpenAPI only: as routing metadata (Accepts) the media type would be checked before sign-in,
            // telling anonymous callers the route's rules, and case-sensitively. The handler checks it after sign-in.
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                var binary = new Microsoft.OpenApi.OpenApiMediaType { Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "binary" } };
                operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                {
                    Required = true, Description = "The minutes document itself (.docx).",
                    Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType> { [DocxType] = binary, ["application/octet-stream"] = binary },
                };
                return Task.CompletedTask;
            });
        api.MapMinutesMail();
        api.MapMinutesSignOff();
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Template(Guid id, Caller caller, CollabDb db, HttpRequest request, CancellationToken ct, string? lang = null)
    {
        if (lang is not null && lang is not ("zh-CN" or "en-US"))
            return Problems.Invalid(new Dictionary<string, string[]> { ["lang"] = [Messages.Format("minutes.lang", RequestLanguage.Of(request))] });
        var (meeting, refusal) = await LoadRunAsync(db, id, caller, RequestLanguage.Of(request), ct);
        if (refusal is not null) return refusal;
        var items = await ItemsOf(db, id, ct);
        var decisions = await db.Decisions.Where(d => d.MeetingId == id).OrderBy(d => d.CreatedAt).ToListAsync(ct);
        var chinese = Messages.IsChinese(RequestLanguage.Of(request, lang ?? meeting!.Language));
        var latest = await db.MinutesPublications.AsNoTracking().Where(p => p.MeetingId == id).OrderByDescending(p => p.PublishedAt).FirstOrDefaultAsync(ct);
        var open = await Series.CarryForward.OpenItemsAsync(db, meeting!, ct);
        var bytes = MinutesWriter.Write(MinutesMapping.ToMinutes(meeting!, items, decisions) with
        {
            Approval = latest is null ? null : MinutesSignOff.Mark(meeting!, latest, chinese),
            OpenItems = open.Select(o => MinutesMapping.ToMinutes(o, meeting!.TimeZone)).ToList(),
        }, chinese);
        return TypedResults.File(bytes, DocxType, FileName(meeting!.Subject, chinese));
    }

    private static async Task<Results<Ok<PublishReport>, ProblemHttpResult>> Publish(Guid id, Caller caller, CollabDb db, MinutesPublisher publisher, IOptions<MinutesOptions> options,
        PublishGate gate, HttpRequest request, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (meeting, refusal) = await LoadRunAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant(); // media types are case-insensitive (RFC 9110)
        if (type is not (DocxType or "application/octet-stream"))
            return Problems.Problem(StatusCodes.Status415UnsupportedMediaType, Messages.Format("minutes.notADocument", culture),
                Messages.Format("minutes.notADocumentDetail", culture, DocxType));
        var max = options.Value.MaxUploadBytes;
        if (request.ContentLength > max) return Uploads.TooLarge(max, culture);
        using var turn = await gate.EnterAsync(ct);
        if (turn is null)
        {
            request.HttpContext.Response.Headers.RetryAfter = "5";
            return Problems.Problem(StatusCodes.Status503ServiceUnavailable, Messages.Format("minutes.busy", culture),
                Messages.Format("minutes.busyDetail", culture));
        }
        using var body = await Uploads.ReadAsync(request, max, ct);
        if (body is null) return Uploads.TooLarge(max, culture);
        var document = body.ToArray();
        using var activity = Telemetry.Source.StartActivity("minutes.publish");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();

        for (var attempt = 1; ; attempt++)
        {
            var items = await ItemsOf(db, id, ct);
            List<ActionItems.ActionItem> carried = meeting!.SeriesId is null ? []
                : await WithDepartments(Series.CarryForward.Carried(db, meeting)).ToListAsync(ct);
            MinutesContent content;
            try
            {
                content = MinutesReader.Read(new MemoryStream(document), MinutesMapping.Context(meeting!, items, carried));
            }
            catch (MinutesRejectedException e)
            {
                return Problems.Problem(e.Kind switch
                {
                    MinutesRejection.NotADocument => StatusCodes.Status415UnsupportedMediaType,
                    MinutesRejection.TooLarge => StatusCodes.Status413PayloadTooLarge,
                    MinutesRejection.Refused => StatusCodes.Status422UnprocessableEntity,
                    _ => StatusCodes.Status400BadRequest,
                }, Messages.Format("minutes.cannotPublish", culture), Messages.Format($"minutes.rejected.{e.Code}", culture, [.. e.Args]));
            }
            if (meeting.SeriesId is not null
                && content.ActionItems.Select(r => r.Id).OfType<Guid>().Except(items.Select(i => i.Id)).Except(carried.Select(i => i.Id)).ToList() is { Count: > 0 } named)
                carried.AddRange(await WithDepartments(Series.CarryForward.Named(db, meeting, named)).ToListAsync(ct));
            try
            {
                var report = await publisher.PublishAsync(meeting!, items, carried, content, document, Convert.ToHexStringLower(SHA256.HashData(document)), caller, culture, ct);
                Telemetry.PublishDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Telemetry.PublishRows.Record(content.ActionItems.Count);
                activity?.SetTag("collab.rows", content.ActionItems.Count);
                return TypedResults.Ok(report);
            }
            // Lost a race: an assignee, organizer or another publish changed an item, or another publish (here or on
            // another instance) created a department this one names. Either way nothing was stored; merge again.
            catch (DbUpdateException e) when (Data.SaveRace.Lost(e))
            {
                db.ChangeTracker.Clear();
                if (attempt == MaxMergeAttempts)
                {
                    // Still losing the race after several merges (many people saving at once): nothing was stored, so
                    // the honest answer is "try again", not an error.
                    request.HttpContext.Response.Headers.RetryAfter = "1";
                    return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("minutes.raced", culture),
                        Messages.Format("minutes.racedDetail", culture));
                }
                // Wait a little (jittered, so racing publishes do not collide again in step) and merge again on top of
                // what is there now.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50) * attempt), ct);
                meeting = await db.Meetings.SingleAsync(m => m.Id == id, ct);
            }
        }
    }

    /// <summary>Characters no file name may hold on Windows, macOS or Linux (Path's own list is only this OS's).</summary>
    private static readonly char[] NotInFileNames = ['/', '\\', ':', '*', '?', '"', '<', '>', '|', .. Path.GetInvalidFileNameChars()];

    /// <summary>"{subject} - minutes.docx", with characters no file system accepts replaced.</summary>
    public static string FileName(string subject, bool chinese)
    {
        // Stored subjects may predate the typed-text rule; a control character in a header makes Kestrel fail the response.
        var name = $"{string.Concat(CollabAddin.Minutes.TypedText.Strip(subject).Select(c => char.IsControl(c) ? ' ' : c))} - {(chinese ? "会议纪要" : "minutes")}.docx";
        foreach (var bad in NotInFileNames)
            name = name.Replace(bad, '-');
        return name;
    }

    /// <summary>Tracked, with departments: the reader's context and the publisher's merge both work on these.</summary>
    private static Task<List<ActionItems.ActionItem>> ItemsOf(CollabDb db, Guid meetingId, CancellationToken ct) =>
        WithDepartments(db.ActionItems.Where(i => i.MeetingId == meetingId).OrderBy(i => i.CreatedAt)).ToListAsync(ct);

    /// <summary>Items as the reader and the merge need them: tracked, with their lead and cooperating departments.</summary>
    private static IQueryable<ActionItems.ActionItem> WithDepartments(IQueryable<ActionItems.ActionItem> items) =>
        items.Include(i => i.LeadDepartment).Include(i => i.CooperatingDepartments).ThenInclude(c => c.Department).AsSplitQuery();

    /// <summary>The meeting, if the caller runs it (organizer or note-taker): 404 outside the tenant, 403 for anyone else.</summary>
    internal static async Task<(Meeting? Meeting, ProblemHttpResult? Refusal)> LoadRunAsync(CollabDb db, Guid id, Caller caller, System.Globalization.CultureInfo culture, CancellationToken ct)
    {
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return (null, Problems.Problem(StatusCodes.Status404NotFound, Messages.Format("meeting.notFound", culture)));
        return MeetingAccess.Of(meeting, caller).Runs
            ? (meeting, null)
            : (null, Problems.Problem(StatusCodes.Status403Forbidden, Messages.Format("minutes.runOnly", culture)));
    }
}
