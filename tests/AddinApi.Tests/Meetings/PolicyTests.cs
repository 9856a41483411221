using System.Globalization;
using CollabAddin.Api.Http;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Tests.Infrastructure;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Meetings;

public sealed class PolicyTests
{
    private static readonly DateTime Now = TestApp.DefaultNow.UtcDateTime; // Friday 20 Nov 2026 09:00 UTC
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US"), Zh = CultureInfo.GetCultureInfo("zh-CN");

    private static PolicyVerdict Check(MeetingPlan plan, CultureInfo? culture = null, PolicyOptions? options = null) =>
        MeetingPolicy.Check(plan, Now, options ?? new PolicyOptions(), culture ?? En).Verdict;

    private static List<PlannedAttendee> People(MeetingPlan plan) => [.. plan.Attendees!];

    public static TheoryData<string, string, string> Errors => new()
    {
        // case name, expected code, expected field
        { "no goal", "goal.missing", "goal" },
        { "agenda item without topic", "agenda.elementMissing", "agenda[1].topic" },
        { "agenda item without discussion", "agenda.elementMissing", "agenda[0].discussion" },
        { "agenda item without owner", "agenda.elementMissing", "agenda[0].owner" },
        { "agenda item without minutes", "agenda.elementMissing", "agenda[1].plannedMinutes" },
        { "agenda item without expected output", "agenda.elementMissing", "agenda[1].expectedOutput" },
        { "agenda owner not invited", "agenda.ownerNotAttendee", "agenda[1].owner" },
        { "agenda longer than the meeting", "agenda.overTime", "agenda" },
        { "no host", "roles.noHost", "attendees" },
        { "no note-taker", "roles.noNoteTaker", "attendees" },
        { "end before start", "time.endNotAfterStart", "end" },
        { "malformed email", "attendee.emailInvalid", "attendees[2].email" },
        { "duplicate attendee", "attendee.duplicate", "attendees[3].email" },
        { "unknown time zone", "timeZone.unknown", "timeZone" },
        { "unreadable start", "time.invalid", "start" },
        { "start in the past", "time.inPast", "start" },
        { "no attendees", "attendees.none", "attendees" },
        { "unknown role", "attendee.roleUnknown", "attendees[2].roles" },
        { "unknown kind", "attendee.kindUnknown", "attendees[3].kind" },
        { "javascript pre-read", "preRead.urlInvalid", "preReads[0].url" },
        { "pre-read reader not invited", "preRead.readerNotAttendee", "preReads[0].readers" },
        { "no subject", "subject.missing", "subject" },
    };

    private static MeetingPlan Break(string name)
    {
        var plan = ValidPlan();
        var agenda = plan.Agenda!;
        var people = People(plan);
        return name switch
        {
            "no goal" => plan with { Goal = " " },
            "agenda item without topic" => plan with { Agenda = [agenda[0], agenda[1] with { Topic = null }] },
            "agenda item without discussion" => plan with { Agenda = [agenda[0] with { Discussion = "" }, agenda[1]] },
            "agenda item without owner" => plan with { Agenda = [agenda[0] with { Owner = null }, agenda[1]] },
            "agenda item without minutes" => plan with { Agenda = [agenda[0], agenda[1] with { PlannedMinutes = null }] },
            "agenda item without expected output" => plan with { Agenda = [agenda[0], agenda[1] with { ExpectedOutput = "" }] },
            "agenda owner not invited" => plan with { Agenda = [agenda[0], agenda[1] with { Owner = Outsider }] },
            "agenda longer than the meeting" => plan with { Agenda = [agenda[0] with { PlannedMinutes = 45 }, agenda[1]] },
            "no host" => plan with { Attendees = [people[0] with { Roles = ["participant"] }, .. people[1..]] },
            "no note-taker" => plan with { Attendees = [people[0], people[1] with { Roles = ["timekeeper"] }, .. people[2..]] },
            "end before start" => plan with { End = "2026-12-01T09:00" },
            "malformed email" => plan with { Attendees = [people[0], people[1], people[2] with { Email = "carol at contoso" }, people[3]] },
            "duplicate attendee" => plan with { Attendees = [.. people[..3], people[3] with { Email = Owner.ToUpperInvariant() }] },
            "unknown time zone" => plan with { TimeZone = "Mars/Olympus_Mons" },
            "unreadable start" => plan with { Start = "next Tuesday" },
            "start in the past" => plan with { Start = "2026-11-19T10:00", End = "2026-11-19T11:00" },
            "no attendees" => plan with { Attendees = [], Agenda = [], PreReads = [] },
            "unknown role" => plan with { Attendees = [people[0], people[1], people[2] with { Roles = ["boss"] }, people[3]] },
            "unknown kind" => plan with { Attendees = [.. people[..3], people[3] with { Kind = "vip" }] },
            "javascript pre-read" => plan with { PreReads = [new("Timeline", "javascript:alert(1)", null)] },
            "pre-read reader not invited" => plan with { PreReads = [new("Timeline", "https://contoso.example/t", [Outsider])] },
            "no subject" => plan with { Subject = null },
            _ => throw new ArgumentException(name),
        };
    }

    [Fact]
    public void The_valid_plan_passes_without_errors_or_warnings()
    {
        var verdict = Check(ValidPlan());
        Assert.True(verdict.CanSend);
        Assert.Empty(verdict.Errors);
        Assert.Empty(verdict.Warnings);
    }

    [Theory, MemberData(nameof(Errors))]
    public void Each_rule_stops_the_invite_with_its_own_code_and_field_in_both_languages(string name, string code, string field)
    {
        foreach (var culture in new[] { En, Zh })
        {
            var verdict = Check(Break(name), culture);
            Assert.False(verdict.CanSend);
            var finding = Assert.Single(verdict.Errors, e => e.Code == code && e.Field == field);
            Assert.Equal(culture == Zh, finding.Message.Any(c => c >= 0x4E00 && c <= 0x9FFF)); // Chinese text exactly when asked
        }
    }

    [Fact]
    public void The_missing_element_is_named_in_the_message()
    {
        var en = Check(Break("agenda item without expected output"), En).Errors.Single();
        var zh = Check(Break("agenda item without expected output"), Zh).Errors.Single();
        Assert.Equal("Agenda item 2 needs its expected output.", en.Message);
        Assert.Equal("第 2 项议程缺少预期产出。", zh.Message);
    }

    [Fact]
    public void Warnings_advise_but_do_not_stop_the_invite()
    {
        var plan = ValidPlan() with
        {
            Goal = "Discuss the launch",
            Start = "2026-11-22T10:00",
            End = "2026-11-22T12:00", // two days ahead: less than the 3-day lead time
            Attendees = [.. People(ValidPlan())[..3], People(ValidPlan())[3] with { Department = null }],
            Agenda = Enumerable.Range(1, 6).Select(i => new PlannedAgendaItem(null, $"Topic {i}", "Talk", Organizer, 10, "Output")).ToList(),
        };
        var verdict = Check(plan);
        Assert.True(verdict.CanSend);
        Assert.Equal(["goal.notMeasurable", "time.shortNotice", "attendee.noDepartment", "agenda.tooMany"], verdict.Warnings.Select(w => w.Code));
        Assert.Contains("6 agenda items is more than the recommended 5", verdict.Warnings[3].Message);
    }

    [Fact]
    public void The_limits_come_from_configuration()
    {
        var extra = Enumerable.Range(1, 6).Select(i => new PlannedAttendee($"p{i}@contoso.example", $"P {i}", "Ops", "core", null, null));
        var plan = ValidPlan() with
        {
            Start = "2026-11-22T10:00",
            End = "2026-11-22T12:00",
            Attendees = [.. People(ValidPlan()), .. extra], // 3 + 6 = 9 core attendees
            Agenda = Enumerable.Range(1, 6).Select(i => new PlannedAgendaItem(null, $"Topic {i}", "Talk", Organizer, 10, "Output")).ToList(),
        };

        var strict = Check(plan);
        Assert.Equal(["time.shortNotice", "attendees.tooManyCore", "agenda.tooMany"], strict.Warnings.Select(w => w.Code));
        Assert.Contains("9 core attendees is more than the recommended 8", strict.Warnings[1].Message);

        var relaxed = Check(plan, options: new PolicyOptions { MaxCoreAttendees = 9, MaxAgendaItems = 6, MinLeadDays = 1 });
        Assert.Empty(relaxed.Warnings);

        var capped = Check(plan, options: new PolicyOptions { MaxAttendees = 5 });
        Assert.Contains(capped.Errors, e => e.Code == "attendees.tooMany");
    }

    [Theory]
    [InlineData("Agree the Q3 launch plan and owners for each department before 30 Sept", true)]
    [InlineData("Decide the 2027 budget split", true)]
    [InlineData("Approve the vendor contract by Friday", true)]
    [InlineData("9月30日前确定第三季度发布方案及各部门负责人", true)]
    [InlineData("确定三个试点城市的上线排期", true)]
    [InlineData("Discuss the launch", false)]
    [InlineData("Sync on marketing", false)]
    [InlineData("讨论发布", false)]
    [InlineData("Q3 catch-up", false)] // a date, but no outcome
    public void The_smart_heuristic_wants_an_outcome_and_a_number_or_date(string goal, bool measurable) =>
        Assert.Equal(measurable, MeetingPolicy.IsMeasurable(goal));

    [Fact]
    public void Every_message_exists_in_both_languages_with_the_same_placeholders()
    {
        foreach (var (code, (en, zh)) in Messages.Texts)
        {
            Assert.False(string.IsNullOrWhiteSpace(en), code);
            Assert.Contains(zh, c => c >= 0x4E00 && c <= 0x9FFF);
            var placeholders = (string s) => System.Text.RegularExpressions.Regex.Matches(s, @"\{\d\}").Select(m => m.Value).Order().ToList();
            Assert.Equal(placeholders(en), placeholders(zh));
        }
    }

    [Fact]
    public void A_local_time_skipped_by_daylight_saving_is_refused()
    {
        var plan = ValidPlan() with { TimeZone = "Europe/Berlin", Start = "2027-03-28T02:30", End = "2027-03-28T03:30" };
        Assert.Contains(Check(plan).Errors, e => e.Code == "time.invalid" && e.Field == "start");
    }

    [Fact]
    public void Start_and_end_may_carry_their_own_offset()
    {
        var check = MeetingPolicy.Check(ValidPlan() with { Start = "2026-12-01T02:00:00Z", End = "2026-12-01T11:00:00+08:00" }, Now, new PolicyOptions(), En);
        Assert.True(check.Verdict.CanSend);
        Assert.Equal(new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc), check.StartUtc);
        Assert.Equal(new DateTime(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc), check.EndUtc);
    }
}
