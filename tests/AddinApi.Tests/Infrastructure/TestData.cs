using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Decisions;
using CollabAddin.Api.Departments;
using CollabAddin.Api.Meetings;

namespace CollabAddin.Api.Tests.Infrastructure;

/// <summary>
/// The people of a typical cross-department meeting, and a builder that stores one with an action item.
/// Each test builds its own, in its own store.
/// </summary>
public static class TestData
{
    public const string Tenant = "contoso";
    public const string OtherTenant = "fabrikam";
    public const string Organizer = "alice@contoso.example";
    public const string NoteTaker = "bob@contoso.example";
    public const string Owner = "carol@contoso.example";
    public const string Attendee = "dave@contoso.example";
    public const string Outsider = "erin@contoso.example";
    public const string Zone = "Asia/Shanghai";

    /// <summary>The store providers the core flows run against, each on a real server; SQL Server too when SQLSERVER_CONNECTION names one.</summary>
    public static TheoryData<Api.Data.DatabaseProvider> Providers => SqlServerDatabases.Available
        ? new(Api.Data.DatabaseProvider.Sqlite, Api.Data.DatabaseProvider.Postgres, Api.Data.DatabaseProvider.SqlServer)
        : new(Api.Data.DatabaseProvider.Sqlite, Api.Data.DatabaseProvider.Postgres);

    public static string NameOf(string email) => email.Split('@')[0] switch
    {
        "alice" => "Alice Wang",
        "bob" => "Bob Li",
        "carol" => "Carol Zhang",
        "dave" => "Dave Chen",
        "erin" => "Erin Wu",
        var local => local,
    };

    public sealed record Scenario(Guid MeetingId, Guid ItemId, Guid LeadDepartmentId, Guid CooperatingDepartmentId, Guid DecisionId);

    /// <summary>A meeting run by Alice (organizer) and Bob (note-taker), attended by Carol and Dave; Carol owns one item.</summary>
    public static async Task<Scenario> MeetingWithItemAsync(TestApp app, string tenant = Tenant, DateOnly? due = null, string zone = Zone)
    {
        var lead = new Department { TenantId = tenant, Name = "Marketing", ContactEmail = "mkt.lead@contoso.example" };
        var cooperating = new Department { TenantId = tenant, Name = "Sales" };
        var meeting = NewMeeting(tenant, zone);
        meeting.Invite = new MeetingInvite { State = InviteState.Sent, GraphEventId = $"event-{tenant}", ICalUId = $"ical-{tenant}" };
        var item = new ActionItem
        {
            TenantId = tenant, MeetingId = meeting.Id, Title = "Draft the launch campaign", OwnerEmail = Owner, OwnerName = NameOf(Owner),
            DueDate = due ?? new DateOnly(2026, 12, 1), TimeZone = zone, LeadDepartmentId = lead.Id,
            CooperatingDepartments = [new CooperatingDepartment { DepartmentId = cooperating.Id }],
        };
        var decision = new Decision { TenantId = tenant, MeetingId = meeting.Id, Text = "Launch on 1 Dec", OwnerEmail = Owner, OwnerName = NameOf(Owner), CreatedAt = meeting.StartUtc }; // taken at the meeting: fixed, never the machine's date
        await app.WithDbAsync(tenant, async db =>
        {
            db.Departments.AddRange(lead, cooperating);
            db.Meetings.Add(meeting);
            db.ActionItems.Add(item);
            db.Decisions.Add(decision);
            await db.SaveChangesAsync();
        });
        return new Scenario(meeting.Id, item.Id, lead.Id, cooperating.Id, decision.Id);
    }

    public static Meeting NewMeeting(string tenant = Tenant, string zone = Zone) => new()
    {
        TenantId = tenant, Subject = "Q3 launch plan", TimeZone = zone,
        OrganizerEmail = Organizer, OrganizerName = NameOf(Organizer),
        StartUtc = new DateTime(2026, 11, 16, 2, 0, 0, DateTimeKind.Utc),
        EndUtc = new DateTime(2026, 11, 16, 3, 0, 0, DateTimeKind.Utc),
        Attendees =
        [
            new() { Email = Organizer, DisplayName = NameOf(Organizer), Department = "Product", Roles = MeetingRoles.Host },
            new() { Email = NoteTaker, DisplayName = NameOf(NoteTaker), Department = "Engineering", Roles = MeetingRoles.NoteTaker },
            new() { Email = Owner, DisplayName = NameOf(Owner), Department = "Marketing" },
            new() { Email = Attendee, DisplayName = NameOf(Attendee), Department = "Sales", Kind = AttendanceKind.Optional },
        ],
    };

    /// <summary>A plan that passes every rule, for a meeting on Tuesday 1 Dec 2026 10:00–11:00 Shanghai time (11 days after the test clock's now).</summary>
    public static MeetingPlan ValidPlan(string subject = "Q3 launch plan") => new()
    {
        Subject = subject,
        Goal = "Agree the Q3 launch plan and an owner for each department before 30 Sept",
        Start = "2026-12-01T10:00", End = "2026-12-01T11:00", TimeZone = Zone,
        Location = "Room 5.01", IsOnlineMeeting = true,
        Attendees =
        [
            new(Organizer, NameOf(Organizer), "Product", "core", ["host"], "Bring the launch timeline"),
            new(NoteTaker, NameOf(NoteTaker), "Engineering", "core", ["noteTaker", "timekeeper"], null),
            new(Owner, NameOf(Owner), "Marketing", "core", null, "Bring the campaign draft"),
            new(Attendee, NameOf(Attendee), "Sales", "optional", null, null),
        ],
        Agenda =
        [
            new(null, "Launch date", "Confirm the date against the release train", Organizer, 20, "A fixed launch date"),
            new(null, "Campaign", "Review the campaign draft", Owner, 30, "Approved campaign plan"),
        ],
        PreReads = [new("Launch timeline", "https://contoso.example/launch-timeline", [Owner, Attendee])],
    };

    public static ActionItem NewItem(Guid meetingId, string owner, DateOnly? due, string tenant = Tenant, string zone = Zone,
        ActionItemStatus status = ActionItemStatus.Open, string title = "Item") => new()
        {
            TenantId = tenant, MeetingId = meetingId, Title = title, OwnerEmail = owner, OwnerName = NameOf(owner),
            DueDate = due, TimeZone = zone, Status = status,
        };
}
