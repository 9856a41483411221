using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CollabAddin.Api.Http;
using CollabAddin.Api.Meetings;

namespace CollabAddin.Api.Decisions;

/// <summary>
/// A change to a decision in the register: where it stands, who carries it out by when, which action items carry it
/// out. The text stays the minutes' (the next publish would put it back). Any other field is refused.
/// </summary>
/// <param name="Owner">An attendee's email.</param>
/// <param name="SupersededBy">The decision that replaces this one; only with status superseded.</param>
/// <param name="Link">Action items (of meetings the caller sees) to link: they carry the decision out.</param>
/// <param name="Unlink">Linked action items to unlink.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DecisionPatch(string? Status, string? Owner, DateOnly? DueDate, Guid? SupersededBy, List<Guid>? Link, List<Guid>? Unlink)
{
    public const int MaxLinks = 50;

    public static bool TryParseStatus(string text, out DecisionStatus status)
    {
        foreach (var s in Enum.GetValues<DecisionStatus>())
            if (string.Equals(Wire(s), text, StringComparison.Ordinal)) { status = s; return true; }
        status = default;
        return false;
    }

    /// <summary>The status as the API writes it (camelCase), and as the list filter takes it.</summary>
    public static string Wire(DecisionStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    /// <summary>What is wrong with the change that the decision alone can tell, by field, in the caller's language.</summary>
    public Dictionary<string, string[]> Validate(Decision current, Meeting meeting, CultureInfo culture)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string code, params object[] args) => errors[field] = [Messages.Format(code, culture, args)];
        if (Status is null && Owner is null && DueDate is null && SupersededBy is null && Link is null && Unlink is null)
            Error("", "decision.nothingToChange");
        DecisionStatus? wanted = null;
        if (Status is not null)
        {
            if (TryParseStatus(Status, out var parsed)) wanted = parsed;
            else Error("status", "decision.statusUnknown", Status);
        }
        var final = wanted ?? current.Status;
        if (SupersededBy is not null && final != DecisionStatus.Superseded) Error("supersededBy", "decision.supersededByWithoutStatus");
        else if (wanted == DecisionStatus.Superseded && SupersededBy is null) Error("supersededBy", "decision.supersededByMissing");
        else if (SupersededBy == current.Id) Error("supersededBy", "decision.supersededBySelf");
        if (Owner is not null && !meeting.Attendees.Any(a => string.Equals(a.Email, Owner.Trim(), StringComparison.OrdinalIgnoreCase)))
            Error("owner", "decision.ownerNotAttendee", Owner);
        if ((Link?.Count ?? 0) + (Unlink?.Count ?? 0) > MaxLinks) Error("link", "list.tooLong", MaxLinks);
        return errors;
    }
}
