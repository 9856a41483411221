using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Decisions;
using CollabAddin.Api.Departments;
using CollabAddin.Api.Meetings;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Data;

/// <summary>
/// The tracked store. Provider-neutral: SQLite, PostgreSQL and SQL Server derive from it only to own their migrations.
/// Contexts are pooled (<see cref="StoreSetup"/>): one is taken from the pool for each scope and bound there to the
/// scope's tenant and clock (<see cref="Bind"/>); going back to the pool unbinds it, so a context nobody bound sees no
/// tenant's rows.
/// </summary>
public abstract class CollabDb(DbContextOptions options) : DbContext(options),
    Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    private CurrentTenant? _tenant;
    private TimeProvider _clock = TimeProvider.System;

    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<ActionItemChange> ActionItemChanges => Set<ActionItemChange>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Minutes.MinutesPublication> MinutesPublications => Set<Minutes.MinutesPublication>();
    public DbSet<Feedback.MeetingFeedback> Feedback => Set<Feedback.MeetingFeedback>();
    public DbSet<Templates.MeetingTemplate> MeetingTemplates => Set<Templates.MeetingTemplate>();
    public DbSet<TopicProposal> TopicProposals => Set<TopicProposal>();
    public DbSet<Series.MeetingSeries> Series => Set<Series.MeetingSeries>();
    public DbSet<Projects.Project> Projects => Set<Projects.Project>();
    public DbSet<Projects.ProjectMilestone> ProjectMilestones => Set<Projects.ProjectMilestone>();
    public DbSet<Projects.ProjectEvent> ProjectEvents => Set<Projects.ProjectEvent>();
    public DbSet<Projects.ProjectIssue> ProjectIssues => Set<Projects.ProjectIssue>();
    public DbSet<Projects.ProjectRisk> ProjectRisks => Set<Projects.ProjectRisk>();
    public DbSet<Projects.ProjectAcceptance> ProjectAcceptances => Set<Projects.ProjectAcceptance>();
    public DbSet<Projects.ProjectRating> ProjectRatings => Set<Projects.ProjectRating>();
    public DbSet<FollowUp.OutboxMail> OutboxMails => Set<FollowUp.OutboxMail>();
    public DbSet<FollowUp.PlanningFailure> PlanningFailures => Set<FollowUp.PlanningFailure>();
    public DbSet<Auth.KnownPerson> KnownPeople => Set<Auth.KnownPerson>();
    public DbSet<ListVersion> ListVersions => Set<ListVersion>();
    // Not tenant data: the API's token cache (several instances) and the key ring that encrypts it.
    public DbSet<Auth.TokenCacheEntry> TokenCacheEntries => Set<Auth.TokenCacheEntry>();
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    /// <summary>Must be set before saving any action-item change: history rows need a who and a where.</summary>
    public ChangeOrigin? Origin { get; set; }

    // Read by the query filters on every query, so it must be a member of the context, not a captured value: the model
    // is built once per context type and shared by every pooled instance.
    private string? TenantId => _tenant?.Id;

    /// <summary>
    /// Confines this context to the scope's tenant (read at each query, so a worker may set it after binding) and
    /// gives it the scope's clock. Done by the scope that takes the context from the pool.
    /// </summary>
    public CollabDb Bind(CurrentTenant tenant, TimeProvider clock)
    {
        _tenant = tenant;
        _clock = clock;
        return this;
    }

    // Back to the pool: nothing of this scope may reach the next one. EF resets its own state (tracker, transaction
    // behaviour, timeouts); these are ours. Disposing an unpooled context does the same, harmlessly.
    public override void Dispose()
    {
        Unbind();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override async ValueTask DisposeAsync()
    {
        Unbind();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private void Unbind()
    {
        _tenant = null;
        _clock = TimeProvider.System;
        Origin = null;
        ChangesBeingSaved = [];
        ListsBeingSaved = null;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        CollabModel.Configure(modelBuilder);
        modelBuilder.Entity<Meeting>().HasQueryFilter(m => m.TenantId == TenantId);
        modelBuilder.Entity<ActionItem>().HasQueryFilter(i => i.TenantId == TenantId);
        modelBuilder.Entity<ActionItemChange>().HasQueryFilter(c => c.TenantId == TenantId);
        modelBuilder.Entity<Decision>().HasQueryFilter(d => d.TenantId == TenantId);
        modelBuilder.Entity<Department>().HasQueryFilter(d => d.TenantId == TenantId);
        modelBuilder.Entity<Minutes.MinutesPublication>().HasQueryFilter(p => p.TenantId == TenantId);
        modelBuilder.Entity<Feedback.MeetingFeedback>().HasQueryFilter(f => f.TenantId == TenantId);
        modelBuilder.Entity<Templates.MeetingTemplate>().HasQueryFilter(t => t.TenantId == TenantId);
        modelBuilder.Entity<TopicProposal>().HasQueryFilter(p => p.TenantId == TenantId);
        modelBuilder.Entity<Series.MeetingSeries>().HasQueryFilter(s => s.TenantId == TenantId);
        modelBuilder.Entity<Projects.Project>().HasQueryFilter(p => p.TenantId == TenantId);
        modelBuilder.Entity<Projects.ProjectMilestone>().HasQueryFilter(m => m.TenantId == TenantId);
        modelBuilder.Entity<Projects.ProjectEvent>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<Projects.ProjectIssue>().HasQueryFilter(i => i.TenantId == TenantId);
        modelBuilder.Entity<Projects.ProjectRisk>().HasQueryFilter(r => r.TenantId == TenantId);
        modelBuilder.Entity<Projects.ProjectAcceptance>().HasQueryFilter(a => a.TenantId == TenantId);
        modelBuilder.Entity<Projects.ProjectRating>().HasQueryFilter(r => r.TenantId == TenantId);
        modelBuilder.Entity<FollowUp.OutboxMail>().HasQueryFilter(m => m.TenantId == TenantId);
        modelBuilder.Entity<FollowUp.PlanningFailure>().HasQueryFilter(f => f.TenantId == TenantId);
        modelBuilder.Entity<Auth.KnownPerson>().HasQueryFilter(p => p.TenantId == TenantId);
        modelBuilder.Entity<ListVersion>().HasQueryFilter(v => v.TenantId == TenantId);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is UTC; SQLite hands DateTime back as Unspecified, which would serialize without a "Z".
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>
    /// Only the data-protection key ring saves synchronously (its repository interface is synchronous, and a key is
    /// written once in 90 days); everything else goes through <see cref="SaveChangesAsync(bool, CancellationToken)"/>.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged)
            .All(e => e.Entity is Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey)
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : throw new NotSupportedException("Use SaveChangesAsync: recording action-item history needs to look up department names.");

    /// <summary>
    /// The history rows this save is writing, and when — for save interceptors that act on changes (FollowUp's alert
    /// planning) without this class knowing them. Empty outside a save.
    /// </summary>
    public IReadOnlyList<ActionItemChange> ChangesBeingSaved { get; private set; } = [];
    public DateTime SavingAt { get; private set; }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        SavingAt = _clock.GetUtcNow().UtcDateTime;
        // Changes are detected once, here. History (and the interceptors after it) then read the tracker many times,
        // and each read would otherwise scan every tracked entity again (quadratic in a 500-row publish); the save
        // below detects what they changed.
        ChangeTracker.DetectChanges();
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        HashSet<(string Tenant, string Email)> lists;
        try
        {
            ChangesBeingSaved = await ActionItemHistory.RecordAsync(this, SavingAt, cancellationToken);
            lists = await ListVersioning.AffectedAsync(this, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
        try
        {
            if (lists.Count == 0)
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (Database.CurrentTransaction is not null)
            {
                // Inside someone's transaction: the stamps join it, and commit or roll back with everything else.
                var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                await ListVersioning.BumpAsync(this, lists, cancellationToken);
                return saved;
            }
            // Otherwise in the save's own transaction, just before it commits (ListVersioning.OnCommit): a stamp must
            // never say "unchanged" about a list that changed. Always a transaction, even for a one-statement save.
            var behavior = Database.AutoTransactionBehavior;
            Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
            ListsBeingSaved = lists;
            try
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            finally
            {
                ListsBeingSaved = null;
                Database.AutoTransactionBehavior = behavior;
            }
        }
        finally
        {
            ChangesBeingSaved = [];
        }
    }

    /// <summary>The lists whose stamps the save in progress changes, for <see cref="ListVersioning.OnCommit"/>.</summary>
    internal HashSet<(string Tenant, string Email)>? ListsBeingSaved { get; private set; }
}

internal sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
