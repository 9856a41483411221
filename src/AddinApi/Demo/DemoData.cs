using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Decisions;
using CollabAddin.Api.Departments;
using CollabAddin.Api.Meetings;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Demo;

/// <summary>
/// Development-only sample data so a newcomer sees the product working: a "contoso" tenant with departments,
/// a past meeting with open, overdue, blocked and done items, an upcoming meeting, and a second tenant
/// ("fabrikam") that contoso users must never see. Dates are relative to today.
/// </summary>
public static class DemoData
{
    public const string Tenant = "contoso";
    public const string OtherTenant = "fabrikam";
    public const string Organizer = "alice@contoso.example";
    public const string NoteTaker = "bob@contoso.example";
    public const string Attendee = "chen.wei@contoso.example";
    public const string Finance = "dana@contoso.example";
    public const string ProductHead = "product.head@contoso.example";
    public const string Executive = "coo@contoso.example";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CollabDb>();
        // Every start (the emulator keeps nothing between runs): the offline Graph emulator plays the directory: the demo people can be found in the organizer's picker.
        if (scope.ServiceProvider.GetService<CollabAddin.GraphEmulator.EmulatorState>() is { } graph)
            foreach (var (mail, name, department) in new[]
            {
                (Organizer, "Alice Wang", "Product"), (NoteTaker, "Bob Li", "Engineering"), (Attendee, "陈伟", "市场部 Marketing"),
                (Finance, "Dana Smith", "Finance"), ("eng.lead@contoso.example", "Evan Zhou", "Engineering"), ("sales.lead@contoso.example", "Fiona Liu", "Sales"),
                (ProductHead, "Grace Ho", "Product"), ("li.na@contoso.example", "李娜", "市场部 Marketing"), (Executive, "孙伟 Victor Sun", "Management"),
            })
                graph.Directory[mail] = new CollabAddin.GraphEmulator.DirectoryUser(mail, name, department);
        if (scope.ServiceProvider.GetService<CollabAddin.GraphEmulator.EmulatorState>() is { } directory)
        {
            // Managers, for escalation level 2. Dana has none on record: her escalations skip to the organizer.
            directory.Managers[Attendee] = new("m-1", "Fiona Liu", "sales.lead@contoso.example");
            directory.Managers[NoteTaker] = new("m-2", "Evan Zhou", "eng.lead@contoso.example");
        }

        if (await db.Meetings.IgnoreQueryFilters().AnyAsync(ct))
            return; // seeded before, or a real store: leave it alone
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        const string zone = "Asia/Shanghai";

        // Each department's contact is its head, never one of the people whose work it leads: an assignee escalated
        // to themselves would show the demo nothing.
        // In the demo the contact is also the head (who approves requests and confirms milestones).
        Department Dept(string name, string contact, string head) => new() { TenantId = Tenant, Name = name, ContactEmail = contact, HeadEmail = contact, HeadName = head };
        var product = Dept("Product", ProductHead, "Grace Ho");
        var engineering = Dept("Engineering", "eng.lead@contoso.example", "Evan Zhou");
        var marketing = Dept("市场部 Marketing", "li.na@contoso.example", "李娜");
        var finance = Dept("Finance", "finance.head@contoso.example", "Frank Wu");
        var sales = Dept("Sales", "sales.lead@contoso.example", "Fiona Liu");
        db.Departments.AddRange(product, engineering, marketing, finance, sales);

        var launch = new Meeting
        {
            TenantId = Tenant, Subject = "Q3 launch plan / 第三季度发布计划", TimeZone = zone,
            Goal = "Agree the Q3 launch plan and owners for each department before the end of the month",
            OrganizerEmail = Organizer, OrganizerName = "Alice Wang", Language = "zh-CN", Version = 1,
            StartUtc = today.AddDays(-10).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
            EndUtc = today.AddDays(-10).ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc),
            Attendees =
            [
                new() { Email = Organizer, DisplayName = "Alice Wang", Department = product.Name, Roles = MeetingRoles.Host },
                new() { Email = NoteTaker, DisplayName = "Bob Li", Department = engineering.Name, Roles = MeetingRoles.NoteTaker | MeetingRoles.Timekeeper },
                new() { Email = Attendee, DisplayName = "陈伟", Department = marketing.Name, Roles = MeetingRoles.Participant },
                new() { Email = Finance, DisplayName = "Dana Smith", Department = finance.Name, Kind = AttendanceKind.Optional },
            ],
        };
        var review = new Meeting
        {
            TenantId = Tenant, Subject = "Launch readiness review", TimeZone = zone,
            Goal = "Approve the launch checklist and name an owner for every open risk by Friday",
            OrganizerEmail = Organizer, OrganizerName = "Alice Wang", Language = "en-US", Version = 1,
            Agenda =
            [
                new() { Position = 0, Topic = "Checklist", Discussion = "Walk the launch checklist", OwnerEmail = Organizer, PlannedMinutes = 25, ExpectedOutput = "Approved checklist" },
                new() { Position = 1, Topic = "Risks", Discussion = "Open risks and their owners", OwnerEmail = NoteTaker, PlannedMinutes = 25, ExpectedOutput = "An owner per risk" },
            ],
            StartUtc = today.AddDays(5).ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc),
            EndUtc = today.AddDays(5).ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc),
            Attendees =
            [
                new() { Email = Organizer, DisplayName = "Alice Wang", Department = product.Name, Roles = MeetingRoles.Host },
                new() { Email = NoteTaker, DisplayName = "Bob Li", Department = engineering.Name, Roles = MeetingRoles.NoteTaker },
                new() { Email = Attendee, DisplayName = "陈伟", Department = marketing.Name },
            ],
        };
        db.Meetings.AddRange(launch, review);

        ActionItem Item(string title, string owner, string name, int dueInDays, Department lead, params Department[] cooperating) => new()
        {
            TenantId = Tenant, MeetingId = launch.Id, Title = title, OwnerEmail = owner, OwnerName = name,
            DueDate = today.AddDays(dueInDays), TimeZone = zone, LeadDepartmentId = lead.Id,
            CooperatingDepartments = cooperating.Select(c => new CooperatingDepartment { DepartmentId = c.Id }).ToList(),
        };
        var campaign = Item("准备发布会宣传方案 / Draft the launch campaign", Attendee, "陈伟", -8, marketing, product, sales);
        var budget = Item("Confirm Q3 marketing budget", Finance, "Dana Smith", 2, finance, marketing);
        var build = Item("Freeze the release build", NoteTaker, "Bob Li", 4, engineering, product);
        build.Status = ActionItemStatus.Blocked;
        build.NeedsHelp = true;
        build.NeedsHelpReason = "Waiting for the security review slot.";
        var pricing = Item("Publish the price list", Organizer, "Alice Wang", -6, product, sales, finance);
        pricing.Status = ActionItemStatus.Done;
        var training = Item("Train the sales team", Attendee, "陈伟", 9, sales, marketing);
        training.Status = ActionItemStatus.InProgress;
        training.ProgressNote = "Slides ready; sessions booked for next week.";
        db.ActionItems.AddRange(campaign, budget, build, pricing, training);

        // The register: one decision carried out, one under way through its items, one replaced by a later one.
        var launchDate = new Decision { TenantId = Tenant, MeetingId = launch.Id, Text = "Launch date is fixed for the first Monday of next quarter.", OwnerEmail = Organizer, OwnerName = "Alice Wang", CreatedAt = launch.EndUtc, UpdatedAt = launch.EndUtc, DueDate = today.AddDays(20), Status = DecisionStatus.InProgress };
        var lead = new Decision { TenantId = Tenant, MeetingId = launch.Id, Text = "市场部牵头发布会，销售部协作。", OwnerEmail = Attendee, OwnerName = "陈伟", CreatedAt = launch.EndUtc, UpdatedAt = launch.EndUtc, DueDate = today.AddDays(9), Status = DecisionStatus.Agreed };
        var cap = new Decision { TenantId = Tenant, MeetingId = launch.Id, Text = "第三季度市场预算上限为 80 万元。", OwnerEmail = Finance, OwnerName = "Dana Smith", CreatedAt = launch.EndUtc, UpdatedAt = launch.EndUtc, Status = DecisionStatus.Implemented };
        var oldCap = new Decision { TenantId = Tenant, MeetingId = launch.Id, Text = "Q3 marketing budget capped at 60,000.", OwnerEmail = Finance, OwnerName = "Dana Smith", CreatedAt = launch.EndUtc, UpdatedAt = launch.EndUtc, Status = DecisionStatus.Superseded, SupersededById = cap.Id };
        db.Decisions.AddRange(launchDate, lead, cap, oldCap);
        (pricing.DecisionId, build.DecisionId) = (launchDate.Id, launchDate.Id);
        (campaign.DecisionId, training.DecisionId) = (lead.Id, lead.Id);
        budget.DecisionId = cap.Id;

        // Two of the three attendees rated the launch meeting: the organizer sees only the count until a third does.
        db.Feedback.AddRange(
            new Feedback.MeetingFeedback { TenantId = Tenant, MeetingId = launch.Id, RaterObjectId = DevTokenIssuer.ObjectIdFor(Tenant, NoteTaker), GoalReached = 4, AgendaKept = 3, TimeWellUsed = 4, Comment = "Good decisions; the budget item ran over.", AnsweredAt = launch.EndUtc.AddHours(2) },
            new Feedback.MeetingFeedback { TenantId = Tenant, MeetingId = launch.Id, RaterObjectId = DevTokenIssuer.ObjectIdFor(Tenant, Finance), GoalReached = 5, AgendaKept = 4, TimeWellUsed = 3, AnsweredAt = launch.EndUtc.AddHours(3) });

        // A weekly sync (a series of three): last week's meeting left an item open, which this week's carries forward.
        var weekly = new Series.MeetingSeries
        {
            TenantId = Tenant, OrganizerEmail = Organizer, OrganizerObjectId = DevTokenIssuer.ObjectIdFor(Tenant, Organizer), Subject = "发布周例会 / Weekly launch sync",
            TimeZone = zone, LocalStart = new TimeOnly(9, 30), LengthMinutes = 30, FirstDate = today.AddDays(-5), Version = 1, CreatedAt = launch.EndUtc, UpdatedAt = launch.EndUtc,
            Recurrence = new Series.Recurrence { Kind = Series.RecurrenceKind.Weekly, DaysOfWeek = today.AddDays(-5).DayOfWeek.ToString().ToLowerInvariant(), Count = 3 },
            StandingTopics = [new() { Topic = "遗留事项 / Open items", Discussion = "Last week's items", OwnerEmail = Organizer, PlannedMinutes = 10, ExpectedOutput = "Updated status per item" }],
        };
        var occurrences = Series.RecurrenceRules.Dates(weekly.Recurrence, weekly.FirstDate).Select(date =>
        {
            var start = Series.RecurrenceRules.StartUtc(date, weekly.LocalStart, zone);
            return new Meeting
            {
                TenantId = Tenant, Subject = weekly.Subject, TimeZone = zone, Goal = "每周五前确认发布进度，并为每个阻塞问题确定负责人",
                OrganizerEmail = Organizer, OrganizerName = "Alice Wang", Language = "zh-CN", Version = 1, SeriesId = weekly.Id,
                StartUtc = start, EndUtc = start.AddMinutes(30), OccurrenceStartUtc = start,
                Agenda = [new() { Position = 0, Topic = "遗留事项 / Open items", Discussion = "Last week's items", OwnerEmail = Organizer, PlannedMinutes = 10, ExpectedOutput = "Updated status per item" }],
                Attendees =
                [
                    new() { Email = Organizer, DisplayName = "Alice Wang", Department = product.Name, Roles = MeetingRoles.Host },
                    new() { Email = NoteTaker, DisplayName = "Bob Li", Department = engineering.Name, Roles = MeetingRoles.NoteTaker | MeetingRoles.Timekeeper },
                    new() { Email = Attendee, DisplayName = "陈伟", Department = marketing.Name },
                ],
            };
        }).ToList();
        db.Series.Add(weekly);
        db.Meetings.AddRange(occurrences);
        var banners = new ActionItem
        {
            TenantId = Tenant, MeetingId = occurrences[0].Id, Title = "印制发布会横幅 / Print the launch banners", OwnerEmail = Attendee, OwnerName = "陈伟",
            DueDate = today.AddDays(1), TimeZone = zone, LeadDepartmentId = marketing.Id, Status = ActionItemStatus.InProgress, ProgressNote = "Design approved; printer booked.",
        };
        db.ActionItems.Add(banners);

        var elsewhere = new Meeting
        {
            TenantId = OtherTenant, Subject = "Fabrikam budget sync", TimeZone = "Europe/Berlin",
            OrganizerEmail = "erik@fabrikam.example", OrganizerName = "Erik Berg",
            StartUtc = today.AddDays(-2).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
            EndUtc = today.AddDays(-2).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
            Attendees = [new() { Email = "erik@fabrikam.example", DisplayName = "Erik Berg", Roles = MeetingRoles.Host | MeetingRoles.NoteTaker }],
        };
        db.Meetings.Add(elsewhere);
        db.ActionItems.Add(new ActionItem
        {
            TenantId = OtherTenant, MeetingId = elsewhere.Id, Title = "Fabrikam-only item", OwnerEmail = "erik@fabrikam.example",
            OwnerName = "Erik Berg", DueDate = today.AddDays(3), TimeZone = "Europe/Berlin",
        });

        SeedProjects(db, clock.GetUtcNow().UtcDateTime, zone, product, engineering, marketing, sales);

        db.Origin = ChangeOrigin.System with { Name = "Demo data" };
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Two collaboration projects: "Q1 launch", a complete request Alice (Product) has submitted, for the newcomer to
    /// take from approval to close (README); and a budget round under way, with tasks, a confirmed milestone, a milestone
    /// at risk and an issue with the department heads, so the project pages have something to show from the start.
    /// </summary>
    private static void SeedProjects(CollabDb db, DateTime now, string zone, Department product, Department engineering, Department marketing, Department sales)
    {
        var today = DateOnly.FromDateTime(now);
        Api.Projects.Project Project(int number, string title, Projects.ProjectState state, string background, string goal, string scope, string exclusions, params Department[] involved) => new()
        {
            TenantId = Tenant, Number = Api.Projects.ProjectNumbers.Format(today.Year, number), Title = title, InitiatingDepartmentId = product.Id,
            InitiatorEmail = Organizer, InitiatorName = "Alice Wang", InitiatorObjectId = DevTokenIssuer.ObjectIdFor(Tenant, Organizer),
            Background = background, Goal = goal, Scope = scope, Exclusions = exclusions, ExpectedResults = "新品按期上架，各区域同步开售 / On shelf in every region on the day",
            Kpis = [new() { Position = 0, Name = "门店铺货率 / Stores stocked", Target = "95", Unit = "%" }],
            StartDate = today.AddDays(3), EndDate = today.AddDays(90), TimeZone = zone, Language = "zh-CN", State = state,
            ExecutiveEmail = Executive, ExecutiveName = "孙伟 Victor Sun", CreatedAt = now, UpdatedAt = now, Version = 1,
            Departments = involved.Select(d => new Api.Projects.InvolvedDepartment { DepartmentId = d.Id }).ToList(),
        };
        var launch = Project(2, "Q1 launch / 第一季度新品上市", Api.Projects.ProjectState.Submitted,
            "春季新品需在竞品之前进店。/ The spring range must be in stores before the competitor's.",
            "在 3 月 31 日前完成 95% 门店的新品上市 / Launch the spring range in 95% of stores by 31 March",
            "选品、供应、门店上市活动 / Range, supply, store launch", "不包含售后环节 / After-sales service", marketing, engineering, sales);
        var budget = Project(1, "2027 预算编制 / 2027 budget round", Api.Projects.ProjectState.Active,
            "各部门预算需在年底前统一口径。/ Department budgets need one basis before year end.",
            "在 12 月 20 日前确定 2027 年各部门预算方案 / Agree the 2027 budget plan per department by 20 December",
            "各部门费用与人力预算 / Cost and headcount budgets", "不包含资本性支出 / Capital expenditure", engineering, marketing);
        budget.Departments[0].Response = Api.Projects.DepartmentResponse.Agree;
        budget.Communication = new Api.Projects.Communication { Cadence = "每周一 10:00，30 分钟 / Mondays 10:00, 30 min", Channels = "Teams 频道 / Teams channel", MajorDecisions = "部门负责人 / Department heads" };
        db.Projects.AddRange(launch, budget);
        var plan = new Api.Projects.ProjectMilestone
        {
            TenantId = Tenant, ProjectId = budget.Id, Name = "预算口径确认 / Basis agreed", Date = today.AddDays(-2), CreatedAt = now, UpdatedAt = now, Version = 2,
            Confirmations = new[] { product, engineering, marketing }.Select(d => new Api.Projects.MilestoneConfirmation { DepartmentId = d.Id, ByEmail = d.HeadEmail!, ByName = d.HeadName!, At = now }).ToList(),
        };
        var submit = new Api.Projects.ProjectMilestone { TenantId = Tenant, ProjectId = budget.Id, Name = "方案提交 / Plan submitted", Date = today.AddDays(6), CreatedAt = now, UpdatedAt = now, Version = 1 };
        db.ProjectMilestones.AddRange(plan, submit);
        ActionItem Task(string title, string owner, string name, int dueInDays, Department lead, ActionItemStatus status, string deliverable, string standard) => new()
        {
            TenantId = Tenant, ProjectId = budget.Id, MilestoneId = submit.Id, Title = title, OwnerEmail = owner, OwnerName = name, DueDate = today.AddDays(dueInDays),
            TimeZone = zone, LeadDepartmentId = lead.Id, Status = status, Deliverable = deliverable, AcceptanceStandard = standard,
        };
        var headcount = Task("研发人力预算 / Engineering headcount budget", NoteTaker, "Bob Li", 4, engineering, ActionItemStatus.Blocked, "人力预算表 / Headcount sheet", "按岗位列示，经部门负责人签字 / By role, signed by the head");
        headcount.ProgressNote = "等待市场部活动排期 / Waiting for Marketing's campaign calendar";
        db.ActionItems.AddRange(headcount,
            Task("市场活动预算 / Campaign budget", Attendee, "陈伟", 5, marketing, ActionItemStatus.InProgress, "活动预算表 / Campaign budget sheet", "覆盖全年活动 / Covers every campaign of the year"));
        db.ProjectIssues.Add(new Api.Projects.ProjectIssue
        {
            TenantId = Tenant, ProjectId = budget.Id, TaskId = headcount.Id, Kind = Api.Projects.IssueKind.BlockedDependency, Title = "活动排期未定 / Campaign calendar not set",
            Description = "研发人力取决于活动排期 / Engineering headcount depends on the campaign dates", DepartmentIds = $"{engineering.Id},{marketing.Id}",
            RaisedByEmail = NoteTaker, RaisedByName = "Bob Li", RaisedAt = now.AddHours(-30), Level = Api.Projects.IssueLevel.Heads, DueAt = now.AddHours(18), Version = 2,
            Steps =
            [
                new() { Number = 1, At = now.AddHours(-30), Level = Api.Projects.IssueLevel.Contacts, Action = "raised", ByEmail = NoteTaker, ByName = "Bob Li" },
                new() { Number = 2, At = now.AddHours(-6), Level = Api.Projects.IssueLevel.Heads, Action = "timedOut", ByEmail = ChangeOrigin.System.Email, ByName = ChangeOrigin.System.Name },
            ],
        });
    }
}
