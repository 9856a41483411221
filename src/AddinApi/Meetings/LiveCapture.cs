using System.Text.Json.Serialization;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Decisions;
using CollabAddin.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CollabAddin.Api.Meetings;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CapturedDecision(string? Text, Guid? AgendaItemId, string? Owner);

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CapturedAction(string? Title, string? Owner, DateOnly? DueDate, Guid? AgendaItemId);

/// <summary>
/// Decisions and action items captured during the meeting (from the timekeeper's view): stored at once, tagged with the
/// agenda item, and written into the minutes template with their ids, so the document and the pane never disagree.
/// Until a publish has them, a publish without them neither revokes nor cancels them: the note-taker's copy may predate them.
/// </summary>
public static class LiveCapture
{
    public static void MapLiveCapture(this RouteGroupBuilder meetings)
    {
        meetings.MapPost("/{id:guid}/capture/decisions", Decision).WithSummary("Capture a decision during the meeting (organizer, note-taker, host, timekeeper).")
            .RequireRateLimiting(SecurityHeaders.WritesPolicy).Refuses(404, 422, 429);
        meetings.MapPost("/{id:guid}/capture/action-items", Action).WithSummary("Capture an action item during the meeting: owner (an attendee) and due date required.")
            .RequireRateLimiting(SecurityHeaders.WritesPolicy).Refuses(404, 422, 429);
    }

    private static async Task<Results<Created<DecisionResponse>, ProblemHttpResult>> Decision(Guid id, CapturedDecision capture, Caller caller, CollabDb db, TimeProvider clock,
        HttpRequest request, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (meeting, refusal) = await LoadAsync(db, id, caller, request, ct);
        if (refusal is not null) return refusal;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(capture.Text)) errors["text"] = [Messages.Format("capture.decisionMissing", culture)];
        else if (capture.Text.Length > CollabModel.TextLength) errors["text"] = [Messages.Format("text.tooLong", culture, CollabModel.TextLength)];
        var owner = Person(meeting!, capture.Owner, "owner", required: false, errors, culture);
        Agenda(meeting!, capture.AgendaItemId, errors, culture);
        if (errors.Count > 0) return Problems.Invalid(errors, title: Messages.Format("capture.invalid", culture), status: StatusCodes.Status422UnprocessableEntity);

        var now = clock.GetUtcNow().UtcDateTime;
        var decision = new Decision
        {
            TenantId = meeting!.TenantId, MeetingId = id, AgendaItemId = capture.AgendaItemId, Text = capture.Text!.Trim(),
            OwnerEmail = owner?.Email, OwnerName = owner?.DisplayName, OwnerObjectId = owner?.ObjectId, CreatedAt = now, UpdatedAt = now, CapturedAt = now,
        };
        db.Decisions.Add(decision);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/decisions/{decision.Id}", new DecisionRowData(decision, meeting.Subject, meeting.StartUtc, true).With([], caller));
    }

    private static async Task<Results<Created<ActionItemResponse>, ProblemHttpResult>> Action(Guid id, CapturedAction capture, Caller caller, CollabDb db, TimeProvider clock,
        HttpRequest request, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (meeting, refusal) = await LoadAsync(db, id, caller, request, ct);
        if (refusal is not null) return refusal;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(capture.Title)) errors["title"] = [Messages.Format("capture.titleMissing", culture)];
        else if (capture.Title.Length > CollabModel.TitleLength) errors["title"] = [Messages.Format("text.tooLong", culture, CollabModel.TitleLength)];
        var owner = Person(meeting!, capture.Owner, "owner", required: true, errors, culture);
        if (capture.DueDate is null) errors["dueDate"] = [Messages.Format("capture.dueMissing", culture)];
        Agenda(meeting!, capture.AgendaItemId, errors, culture);
        if (errors.Count > 0) return Problems.Invalid(errors, title: Messages.Format("capture.invalid", culture), status: StatusCodes.Status422UnprocessableEntity);

        var item = new ActionItem
        {
            TenantId = meeting!.TenantId, MeetingId = id, Title = capture.Title!.Trim(), OwnerEmail = owner!.Email, OwnerName = owner.DisplayName, OwnerObjectId = owner.ObjectId,
            DueDate = capture.DueDate, TimeZone = meeting.TimeZone, AgendaItemId = capture.AgendaItemId,
            // No published row: the minutes have not had it yet, so a publish from an older copy does not cancel it.
        };
        db.ActionItems.Add(item);
        db.Origin = new ChangeOrigin(caller.Email, caller.Name, string.Equals(request.Headers[ActionItemsApi.ClientHeader], "taskpane", StringComparison.OrdinalIgnoreCase) ? ChangeSource.TaskPane : ChangeSource.Api);
        await db.SaveChangesAsync(ct);
        item.Meeting = meeting;
        return TypedResults.Created($"/api/action-items/{item.Id}", ActionItemResponse.From(item, clock.GetUtcNow().UtcDateTime));
    }

    private static MeetingAttendee? Person(Meeting meeting, string? email, string field, bool required, Dictionary<string, string[]> errors, System.Globalization.CultureInfo culture)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            if (required) errors[field] = [Messages.Format("capture.ownerMissing", culture)];
            return null;
        }
        var person = meeting.Attendees.FirstOrDefault(a => string.Equals(a.Email, email.Trim(), StringComparison.OrdinalIgnoreCase));
        if (person is null) errors[field] = [Messages.Format("decision.ownerNotAttendee", culture, email)];
        return person;
    }

    private static void Agenda(Meeting meeting, Guid? agendaItemId, Dictionary<string, string[]> errors, System.Globalization.CultureInfo culture)
    {
        if (agendaItemId is { } agenda && meeting.Agenda.All(a => a.Id != agenda)) errors["agendaItemId"] = [Messages.Format("capture.agendaUnknown", culture)];
    }

    /// <summary>The organizer, the note-taker, the host or a timekeeper.</summary>
    internal static bool MayCapture(Meeting meeting, Caller caller) => MeetingAccess.Of(meeting, caller).Runs || TimekeeperClock.CanRun(meeting, caller);

    private static async Task<(Meeting?, ProblemHttpResult?)> LoadAsync(CollabDb db, Guid id, Caller caller, HttpRequest request, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (meeting, refusal) = await MeetingLookup.SeenByAsync(db, id, caller, culture, ct);
        if (refusal is not null) return (null, refusal);
        return MayCapture(meeting!, caller) ? (meeting, null) : (null, Problems.Problem(StatusCodes.Status403Forbidden, Messages.Format("capture.runOnly", culture)));
    }
}
