using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Departments;
using CollabAddin.Api.Projects;
using CollabAddin.Api.Tests.Infrastructure;

namespace CollabAddin.Api.Tests.Projects;

/// <summary>
/// The people and departments of a collaboration project: Paula (Product) starts it, Henry heads Product, Sara heads
/// Supply with Sam as its contact, Mia heads Marketing with Max as its contact, Victor is the executive, Tom owns a task.
/// </summary>
public static class ProjectData
{
    public const string Initiator = "paula@contoso.example";
    public const string InitiatingHead = "henry@contoso.example";
    public const string SupplyHead = "sara@contoso.example";
    public const string SupplyContact = "sam@contoso.example";
    public const string MarketingHead = "mia@contoso.example";
    public const string MarketingContact = "max@contoso.example";
    public const string Executive = "victor@contoso.example";
    public const string TaskOwner = "tom@contoso.example";

    public sealed record Departments(Guid Product, Guid Supply, Guid Marketing);
    public sealed record Scenario(Guid ProjectId, Departments Departments, Guid MilestoneId, Guid TaskId);

    /// <summary>The three departments with their heads and contacts (as a tenant admin names them).</summary>
    public static async Task<Departments> DepartmentsAsync(TestApp app, string tenant = TestData.Tenant)
    {
        var product = new Department { TenantId = tenant, Name = "产品部 Product", HeadEmail = InitiatingHead, HeadName = "Henry" };
        var supply = new Department { TenantId = tenant, Name = "供应链部 Supply", HeadEmail = SupplyHead, HeadName = "Sara", ContactEmail = SupplyContact };
        var marketing = new Department { TenantId = tenant, Name = "市场部 Marketing", HeadEmail = MarketingHead, HeadName = "Mia", ContactEmail = MarketingContact };
        await app.WithDbAsync(tenant, async db => { db.Departments.AddRange(product, supply, marketing); await db.SaveChangesAsync(); });
        return new(product.Id, supply.Id, marketing.Id);
    }

    /// <summary>A complete request, as the initiator would type it (a measurable goal, a window in the test clock's future).</summary>
    public static object Request(Departments d, string title = "Q1 launch") => new
    {
        title,
        initiatingDepartmentId = d.Product,
        background = "The spring range must be in stores before the competitor's.",
        goal = "Launch the spring range in 95% of stores by 31 March 2027",
        scope = "Range planning, supply, store launch",
        exclusions = "After-sales service",
        expectedResults = "Range on shelf in all regions",
        kpis = new[] { new { name = "Stores stocked", target = "95", unit = "%" } },
        startDate = new DateOnly(2026, 12, 1),
        endDate = new DateOnly(2027, 3, 31),
        departments = new[] { d.Supply, d.Marketing },
        executiveEmail = Executive,
        executiveName = "Victor",
        timeZone = TestData.Zone,
    };

    /// <summary>An approved project with a milestone and a task (lead Supply, owner Tom), written straight to the store.</summary>
    public static async Task<Scenario> ActiveProjectAsync(TestApp app, string tenant = TestData.Tenant)
    {
        var d = await DepartmentsAsync(app, tenant);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var project = new Project
        {
            TenantId = tenant, Number = "XT-2026-0001", Title = "Q1 launch", InitiatingDepartmentId = d.Product,
            InitiatorEmail = Initiator, InitiatorName = "Paula", InitiatorObjectId = DevTokenIssuer.ObjectIdFor(tenant, Initiator),
            Background = "B", Goal = "Launch the spring range in 95% of stores by 31 March 2027", Scope = "S", TimeZone = TestData.Zone, Language = "en-US",
            StartDate = new DateOnly(2026, 12, 1), EndDate = new DateOnly(2027, 3, 31), State = ProjectState.Active,
            ExecutiveEmail = Executive, ExecutiveName = "Victor", CreatedAt = now, UpdatedAt = now, Version = 1,
            Departments = [new InvolvedDepartment { DepartmentId = d.Supply }, new InvolvedDepartment { DepartmentId = d.Marketing }],
        };
        var milestone = new ProjectMilestone { TenantId = tenant, ProjectId = project.Id, Name = "Plan submitted", Date = new DateOnly(2027, 1, 15), CreatedAt = now, UpdatedAt = now, Version = 1 };
        var task = new ActionItem
        {
            TenantId = tenant, ProjectId = project.Id, MilestoneId = milestone.Id, Title = "Supply plan", OwnerEmail = TaskOwner, OwnerName = "Tom",
            DueDate = new DateOnly(2027, 1, 10), TimeZone = TestData.Zone, LeadDepartmentId = d.Supply, Deliverable = "Plan", AcceptanceStandard = "Signed off",
        };
        await app.WithDbAsync(tenant, async db =>
        {
            db.Projects.Add(project);
            db.ProjectMilestones.Add(milestone);
            db.ActionItems.Add(task);
            await db.SaveChangesAsync();
        });
        return new(project.Id, d, milestone.Id, task.Id);
    }
}
