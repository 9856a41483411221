using System.Globalization;
using System.Text.RegularExpressions;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Http;

namespace CollabAddin.Api.Meetings;

/// <summary>The plan read and checked: the verdict, and the meeting's instants when they could be read.</summary>
/// <param name="Recurrence">The series the plan asks for, read and checked; null for a single meeting (or when it has errors).</param>
public sealed record PlanCheck(PolicyVerdict Verdict, DateTime? StartUtc, DateTime? EndUtc, Series.Recurrence? Recurrence = null);

/// <summary>
/// The collaboration guides' rules for a meeting plan ("four fixes and one confirmation"). Errors stop the invite;
/// warnings are advice. Pure: the same plan, clock and options always give the same verdict.
/// </summary>
public static partial class MeetingPolicy
{
    /// <summary>Hard maxima, besides the guides' advice (five agenda items): past them a plan is a mistake or an attack.</summary>
    public const int MaxAgendaItems = 20, MaxPreReads = 20, MaxRolesPerAttendee = 4;

    public static PlanCheck Check(MeetingPlan plan, DateTime utcNow, PolicyOptions options, CultureInfo culture)
    {
        var errors = new List<PolicyFinding>();
        var warnings = new List<PolicyFinding>();
        void Error(string field, string code, params object[] args) => errors.Add(new(code, field, Messages.Format(code, culture, args)));
        void Warn(string field, string code, params object[] args) => warnings.Add(new(code, field, Messages.Format(code, culture, args)));
        void Length(string field, string? value, int max) { if (value is { Length: var n } && n > max) Error(field, "text.tooLong", max); }

        if (string.IsNullOrWhiteSpace(plan.Subject)) Error("subject", "subject.missing");
        Length("subject", plan.Subject, CollabModel.TitleLength);
        Length("location", plan.Location, CollabModel.TitleLength);
        if (string.IsNullOrWhiteSpace(plan.Goal)) Error("goal", "goal.missing");
        else if (!IsMeasurable(plan.Goal)) Warn("goal", "goal.notMeasurable");
        Length("goal", plan.Goal, CollabModel.GoalLength);

        var (start, end) = CheckTime(plan, utcNow, options, Error, Warn);
        var invited = CheckAttendees(plan.Attendees ?? [], options, Error, Warn, Length);
        CheckAgenda(plan.Agenda ?? [], invited, start, end, options, Error, Warn, Length);
        CheckPreReads(plan.PreReads ?? [], invited, Error, Length);
        var recurrence = plan.Recurrence is { } repeat && start is { } first && TimeZones.IsKnown(plan.TimeZone)
            ? Series.RecurrenceRules.Read(repeat, DateOnly.FromDateTime(TimeZones.Local(first, plan.TimeZone)), (field, code, args) => Error(field, code, args))
            : null;
        return new PlanCheck(new PolicyVerdict(errors, warnings), start, end, recurrence);
    }

    private static (DateTime? Start, DateTime? End) CheckTime(MeetingPlan plan, DateTime utcNow, PolicyOptions options,
        Action<string, string, object[]> error, Action<string, string, object[]> warn)
    {
        TimeZoneInfo? zone = null;
        if (!TimeZones.IsKnown(plan.TimeZone)) error("timeZone", "timeZone.unknown", [plan.TimeZone ?? ""]);
        else zone = TimeZoneInfo.FindSystemTimeZoneById(plan.TimeZone!);
        var start = ToUtc(plan.Start, zone);
        var end = ToUtc(plan.End, zone);
        // Without a known zone a local time cannot be read, but the zone's own error already says so.
        if (start is null && (zone is not null || !IsoDateTime().IsMatch(plan.Start ?? ""))) error("start", "time.invalid", []);
        if (end is null && (zone is not null || !IsoDateTime().IsMatch(plan.End ?? ""))) error("end", "time.invalid", []);
        if (start is null || end is null) return (start, end);
        if (end <= start) error("end", "time.endNotAfterStart", []);
        else if (start < utcNow) error("start", "time.inPast", []);
        else if (start - utcNow < TimeSpan.FromDays(options.MinLeadDays)) warn("start", "time.shortNotice", [options.MinLeadDays]);
        return (start, end);
    }

    private static HashSet<string> CheckAttendees(List<PlannedAttendee> attendees, PolicyOptions options,
        Action<string, string, object[]> error, Action<string, string, object[]> warn, Action<string, string?, int> length)
    {
        var invited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (attendees.Count == 0) error("attendees", "attendees.none", []);
        if (attendees.Count > options.MaxAttendees)
        {
            error("attendees", "attendees.tooMany", [options.MaxAttendees]);
            return invited; // one error, not one per attendee of thousands
        }
        var roles = MeetingRoles.None;
        var core = 0;
        for (var i = 0; i < attendees.Count; i++)
        {
            var a = attendees[i];
            var at = $"attendees[{i}]";
            if (!Emails.IsValid(a.Email)) error($"{at}.email", "attendee.emailInvalid", [a.Email ?? ""]);
            else if (!invited.Add(Emails.Normalize(a.Email!))) error($"{at}.email", "attendee.duplicate", [a.Email!]);
            if (string.IsNullOrWhiteSpace(a.DisplayName)) error($"{at}.displayName", "attendee.nameMissing", []);
            length($"{at}.displayName", a.DisplayName, CollabModel.NameLength);
            length($"{at}.department", a.Department, CollabModel.NameLength);
            length($"{at}.preparation", a.Preparation, CollabModel.GoalLength);
            if (!TryKind(a.Kind, out var kind)) error($"{at}.kind", "attendee.kindUnknown", [a.Kind ?? ""]);
            else if (kind == AttendanceKind.Core) core++;
            if (a.Roles is { Count: > MaxRolesPerAttendee }) error($"{at}.roles", "attendee.tooManyRoles", [MaxRolesPerAttendee]);
            else foreach (var role in a.Roles ?? [])
                if (TryRole(role, out var r)) roles |= r;
                else error($"{at}.roles", "attendee.roleUnknown", [role]);
            if (string.IsNullOrWhiteSpace(a.Department) && Emails.IsValid(a.Email))
                warn($"{at}.department", "attendee.noDepartment", [a.DisplayName ?? a.Email!]);
        }
        if (attendees.Count > 0 && !roles.HasFlag(MeetingRoles.Host)) error("attendees", "roles.noHost", []);
        if (attendees.Count > 0 && !roles.HasFlag(MeetingRoles.NoteTaker)) error("attendees", "roles.noNoteTaker", []);
        if (core > options.MaxCoreAttendees) warn("attendees", "attendees.tooManyCore", [core, options.MaxCoreAttendees]);
        return invited;
    }

    private static void CheckAgenda(List<PlannedAgendaItem> agenda, HashSet<string> invited, DateTime? start, DateTime? end, PolicyOptions options,
        Action<string, string, object[]> error, Action<string, string, object[]> warn, Action<string, string?, int> length)
    {
        if (agenda.Count == 0) warn("agenda", "agenda.none", []);
        if (agenda.Count > MaxAgendaItems)
        {
            error("agenda", "agenda.overLimit", [MaxAgendaItems]);
            return;
        }
        if (agenda.Count > options.MaxAgendaItems) warn("agenda", "agenda.tooMany", [agenda.Count, options.MaxAgendaItems]);
        for (var i = 0; i < agenda.Count; i++)
        {
            var item = agenda[i];
            var at = $"agenda[{i}]";
            foreach (var (field, value) in new[] { ("topic", item.Topic), ("discussion", item.Discussion), ("owner", item.Owner), ("expectedOutput", item.ExpectedOutput) })
                if (string.IsNullOrWhiteSpace(value)) error($"{at}.{field}", "agenda.elementMissing", [i + 1, new ElementName(field)]);
            if (item.PlannedMinutes is null) error($"{at}.plannedMinutes", "agenda.elementMissing", [i + 1, new ElementName("plannedMinutes")]);
            else if (item.PlannedMinutes < 1) error($"{at}.plannedMinutes", "agenda.minutesInvalid", [i + 1]);
            if (!string.IsNullOrWhiteSpace(item.Owner) && !invited.Contains(item.Owner.Trim()))
                error($"{at}.owner", "agenda.ownerNotAttendee", [i + 1, item.Owner]);
            length($"{at}.topic", item.Topic, CollabModel.TitleLength);
            length($"{at}.discussion", item.Discussion, CollabModel.GoalLength);
            length($"{at}.expectedOutput", item.ExpectedOutput, CollabModel.GoalLength);
        }
        var planned = agenda.Sum(a => Math.Max(0, a.PlannedMinutes ?? 0));
        if (start is { } s && end is { } e && e > s && planned > (e - s).TotalMinutes)
            error("agenda", "agenda.overTime", [planned, (int)(e - s).TotalMinutes]);
    }

    private static void CheckPreReads(List<PlannedPreRead> preReads, HashSet<string> invited,
        Action<string, string, object[]> error, Action<string, string?, int> length)
    {
        if (preReads.Count > MaxPreReads)
        {
            error("preReads", "preReads.tooMany", [MaxPreReads]);
            return;
        }
        for (var i = 0; i < preReads.Count; i++)
        {
            var p = preReads[i];
            var at = $"preReads[{i}]";
            if (string.IsNullOrWhiteSpace(p.Title)) error($"{at}.title", "preRead.titleMissing", []);
            length($"{at}.title", p.Title, CollabModel.TitleLength);
            // Only web links: a javascript: or file: link in an invite is an attack or a dead end.
            if (!Uri.TryCreate(p.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || p.Url!.Length > CollabModel.UrlLength)
                error($"{at}.url", "preRead.urlInvalid", []);
            if (p.Readers is { Count: var readers } && readers > invited.Count) error($"{at}.readers", "preRead.tooManyReaders", []);
            else foreach (var reader in p.Readers ?? [])
                if (!invited.Contains(reader.Trim())) error($"{at}.readers", "preRead.readerNotAttendee", [reader]);
        }
    }

    /// <summary>
    /// The SMART heuristic, explained to the organizer in the warning: a measurable goal names an outcome (a plan,
    /// decision, owner, budget, …) and a number or a date. "Discuss the launch" has neither; "agree the Q3 launch
    /// plan and owners before 30 Sept" has both.
    /// </summary>
    public static bool IsMeasurable(string goal)
    {
        var text = goal.ToLowerInvariant();
        var numberOrDate = text.Any(char.IsDigit) || DateWords().IsMatch(text) || ChineseCount().IsMatch(text)
            || ChineseDateWords.Any(text.Contains);
        return numberOrDate && (OutcomeWords().IsMatch(text) || ChineseOutcomeWords.Any(text.Contains));
    }

    private static readonly string[] ChineseDateWords = ["月底", "年底", "季度", "之前", "以前", "截止", "星期", "下周", "本周", "月", "日", "号"];
    private static readonly string[] ChineseOutcomeWords =
        ["方案", "计划", "决定", "确定", "决议", "批准", "审批", "负责人", "预算", "清单", "报告", "上线", "发布", "签署", "定稿", "选定", "排期", "分工", "目标"];

    [GeneratedRegex(@"\b(jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december|monday|tuesday|wednesday|thursday|friday|today|tomorrow|eod|eow|next week|end of (the )?(day|week|month|quarter|year))\b")]
    private static partial Regex DateWords();

    [GeneratedRegex("[一二两三四五六七八九十百]+\\s*(个|项|条|份|次|人|天|周|月|%)")]
    private static partial Regex ChineseCount();

    [GeneratedRegex(@"\b(plan|plans|decision|decisions|decide|agree|agreed|approve|approval|sign[ -]?off|owner|owners|budget|list|proposal|draft|launch|release|report|deliverable|deliverables|choose|select|finali[sz]e|confirm|commit|priorit[iy][sz]?e?|target|kpi|contract|design|spec|schedule|roadmap)\b")]
    private static partial Regex OutcomeWords();

    internal static bool TryKind(string? text, out AttendanceKind kind)
    {
        kind = AttendanceKind.Core;
        return text is null || Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _);
    }

    internal static bool TryRole(string text, out MeetingRoles role) =>
        Enum.TryParse(text, ignoreCase: true, out role) && role is MeetingRoles.Host or MeetingRoles.NoteTaker or MeetingRoles.Timekeeper or MeetingRoles.Participant
        && !int.TryParse(text, out _);

    /// <summary>Reads a local date-time in the zone, or an instant with its own offset ("Z", "+08:00").</summary>
    internal static DateTime? ToUtc(string? text, TimeZoneInfo? zone)
    {
        if (text is null || !IsoDateTime().IsMatch(text)
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
            return null;
        return parsed.Kind switch
        {
            DateTimeKind.Utc => parsed,
            DateTimeKind.Local => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcDateTime,
            _ when zone is null => null,
            _ when zone.IsInvalidTime(parsed) => null, // a local time skipped by a daylight-saving jump
            _ => TimeZoneInfo.ConvertTimeToUtc(parsed, zone),
        };
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")]
    private static partial Regex IsoDateTime();

    /// <summary>Formats as the element's name in the message's language.</summary>
    private sealed record ElementName(string Field) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? provider) =>
            Messages.Element(Field, provider as CultureInfo ?? CultureInfo.InvariantCulture);
    }
}
