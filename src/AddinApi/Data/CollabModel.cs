using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Decisions;
using CollabAddin.Api.Departments;
using CollabAddin.Api.Meetings;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Data;

/// <summary>
/// Entity configuration, kept beside the context. The hand-written migrations in Migrations/ must produce
/// exactly this schema; MigrationSchemaTests compares the two on each provider.
/// </summary>
internal static class CollabModel
{
    public const int TenantLength = 64;
    public const int EmailLength = 320;
    public const int NameLength = 200;
    public const int TitleLength = 500;
    public const int TextLength = 4000;
    public const int EnumLength = 16;
    public const int TimeZoneLength = 64;
    public const int GoalLength = 1000;
    public const int UrlLength = 2000;
    public const int PublishedRowLength = 8000;

    public static void Configure(ModelBuilder model)
    {
        model.Entity<Department>(d =>
        {
            d.Property(x => x.TenantId).HasMaxLength(TenantLength);
            d.Property(x => x.Name).HasMaxLength(NameLength);
            d.Property(x => x.ContactEmail).HasMaxLength(EmailLength);
            d.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
        });

        model.Entity<Meeting>(m =>
        {
            m.Property(x => x.TenantId).HasMaxLength(TenantLength);
            m.Property(x => x.Subject).HasMaxLength(TitleLength);
            m.Property(x => x.Goal).HasMaxLength(GoalLength);
            m.Property(x => x.OrganizerEmail).HasMaxLength(EmailLength);
            m.Property(x => x.OrganizerName).HasMaxLength(NameLength);
            m.Property(x => x.OrganizerObjectId).HasMaxLength(TenantLength);
            m.Property(x => x.TimeZone).HasMaxLength(TimeZoneLength);
            m.Property(x => x.Location).HasMaxLength(TitleLength);
            m.Property(x => x.Language).HasMaxLength(EnumLength);
            // Added after the first release: existing rows get these defaults, so the model declares them too.
            m.Property(x => x.IsOnlineMeeting).HasDefaultValue(false);
            m.Property(x => x.AgendaDraft).HasDefaultValue(false);
            m.Property(x => x.Version).HasDefaultValue(0).IsConcurrencyToken();
            m.Property(x => x.UpdatedAt).HasDefaultValue(DateTime.UnixEpoch);
            m.HasIndex(x => new { x.TenantId, x.OrganizerEmail });
            m.Property(x => x.CreateKey).HasMaxLength(MeetingCreation.MaxKeyLength);
            // One meeting per organizer and key; meetings created without a key are not in the index.
            m.HasIndex(x => new { x.TenantId, x.OrganizerObjectId, x.CreateKey }).IsUnique().HasFilter("\"CreateKey\" IS NOT NULL");
            m.OwnsMany(x => x.Attendees, a =>
            {
                a.ToTable("MeetingAttendees");
                a.WithOwner().HasForeignKey("MeetingId");
                a.HasKey("MeetingId", nameof(MeetingAttendee.Email));
                a.Property(x => x.Email).HasMaxLength(EmailLength);
                a.Property(x => x.ObjectId).HasMaxLength(TenantLength);
                a.Property(x => x.DisplayName).HasMaxLength(NameLength);
                a.Property(x => x.Department).HasMaxLength(NameLength);
                a.Property(x => x.Kind).HasConversion<string>().HasMaxLength(EnumLength);
                a.Property(x => x.Preparation).HasMaxLength(GoalLength);
                a.Property(x => x.Response).HasMaxLength(EnumLength);
                a.HasIndex(x => x.Email);
                a.HasIndex(x => x.ObjectId);
            });
            m.OwnsMany(x => x.Agenda, a =>
            {
                a.ToTable("AgendaItems");
                a.WithOwner().HasForeignKey("MeetingId");
                a.HasKey(x => x.Id);
                a.Property(x => x.Id).ValueGeneratedNever();
                a.Property(x => x.Topic).HasMaxLength(TitleLength);
                a.Property(x => x.Discussion).HasMaxLength(GoalLength);
                a.Property(x => x.OwnerEmail).HasMaxLength(EmailLength);
                a.Property(x => x.ExpectedOutput).HasMaxLength(GoalLength);
            });
            m.OwnsMany(x => x.PreReads, r =>
            {
                r.ToTable("MeetingPreReads");
                r.WithOwner().HasForeignKey("MeetingId");
                r.HasKey(x => x.Id);
                r.Property(x => x.Id).ValueGeneratedNever();
                r.Property(x => x.Title).HasMaxLength(TitleLength);
                r.Property(x => x.Url).HasMaxLength(UrlLength);
                r.Property(x => x.Readers).HasMaxLength(TextLength);
            });
            m.OwnsOne(x => x.Invite, i =>
            {
                i.Property(x => x.State).HasColumnName("InviteState").HasConversion<string>().HasMaxLength(EnumLength).HasDefaultValue(InviteState.None);
                i.Property(x => x.GraphEventId).HasColumnName("GraphEventId").HasMaxLength(UrlLength);
                i.Property(x => x.ICalUId).HasColumnName("ICalUId").HasMaxLength(UrlLength);
                i.Property(x => x.WebLink).HasColumnName("WebLink").HasMaxLength(UrlLength);
                i.Property(x => x.JoinUrl).HasColumnName("JoinUrl").HasMaxLength(UrlLength);
                i.Property(x => x.CancelMessage).HasColumnName("CancelMessage").HasMaxLength(GoalLength);
                i.Property(x => x.Error).HasColumnName("InviteError").HasMaxLength(GoalLength);
                i.Property(x => x.Attempts).HasColumnName("InviteAttempts").HasDefaultValue(0);
                i.Property(x => x.NextAttemptAt).HasColumnName("InviteNextAttemptAt");
                i.Property(x => x.LeaseUntil).HasColumnName("InviteLeaseUntil");
                // The invite worker's question: which invites are due for another try?
                i.HasIndex(x => new { x.State, x.NextAttemptAt });
                i.HasIndex(x => x.GraphEventId);
                i.HasIndex(x => x.ICalUId);
            });
            m.Navigation(x => x.Invite).IsRequired();
            // A series' occurrences, in order: carry-forward and "the next occurrence" read them by start.
            m.HasIndex(x => new { x.SeriesId, x.StartUtc });
            m.OwnsMany(x => x.Attendance, a =>
            {
                a.ToTable("MeetingAttendance");
                a.WithOwner().HasForeignKey("MeetingId");
                a.HasKey(x => x.Id);
                a.Property(x => x.Id).ValueGeneratedNever();
                a.Property(x => x.Email).HasMaxLength(EmailLength);
                a.Property(x => x.Name).HasMaxLength(NameLength);
                a.Property(x => x.Status).HasMaxLength(EnumLength);
                a.Property(x => x.Delegate).HasMaxLength(NameLength);
            });
        });

        model.Entity<ActionItem>(i =>
        {
            i.Property(x => x.TenantId).HasMaxLength(TenantLength);
            i.Property(x => x.Title).HasMaxLength(TitleLength);
            i.Property(x => x.Details).HasMaxLength(TextLength);
            i.Property(x => x.OwnerEmail).HasMaxLength(EmailLength);
            i.Property(x => x.OwnerName).HasMaxLength(NameLength);
            i.Property(x => x.OwnerObjectId).HasMaxLength(TenantLength);
            i.Property(x => x.TimeZone).HasMaxLength(TimeZoneLength);
            i.Property(x => x.Status).HasConversion<string>().HasMaxLength(EnumLength);
            i.Property(x => x.NeedsHelpReason).HasMaxLength(TextLength);
            i.Property(x => x.ProgressNote).HasMaxLength(TextLength);
            i.Property(x => x.DeviationReason).HasMaxLength(GoalLength);
            i.Property(x => x.Version).IsConcurrencyToken();
            i.Property(x => x.PublishedRow).HasMaxLength(PublishedRowLength);
            // History must outlive nothing it describes: no cascading deletes from meetings or departments.
            i.HasOne(x => x.Meeting).WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
            i.HasOne(x => x.LeadDepartment).WithMany().HasForeignKey(x => x.LeadDepartmentId).OnDelete(DeleteBehavior.Restrict);
            i.HasMany(x => x.CooperatingDepartments).WithOne().HasForeignKey(x => x.ActionItemId).OnDelete(DeleteBehavior.Cascade);
            // "My action items": the caller's items in due order.
            i.HasIndex(x => new { x.TenantId, x.OwnerEmail, x.DueDate });
            i.HasIndex(x => new { x.TenantId, x.OwnerObjectId, x.DueDate }); // "my items" by account (Auth/PersonMatch)
            i.HasIndex(x => new { x.TenantId, x.MeetingId });
            i.HasOne<Decision>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Restrict);
            i.HasIndex(x => new { x.TenantId, x.DecisionId });
        });

        model.Entity<CooperatingDepartment>(c =>
        {
            c.ToTable("ActionItemCooperatingDepartments");
            c.HasKey(x => new { x.ActionItemId, x.DepartmentId });
            c.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<ActionItemChange>(c =>
        {
            c.Property(x => x.TenantId).HasMaxLength(TenantLength);
            c.Property(x => x.ByEmail).HasMaxLength(EmailLength);
            c.Property(x => x.ByName).HasMaxLength(NameLength);
            c.Property(x => x.Source).HasConversion<string>().HasMaxLength(EnumLength);
            c.Property(x => x.Field).HasMaxLength(64);
            c.Property(x => x.OldValue).HasMaxLength(TextLength);
            c.Property(x => x.NewValue).HasMaxLength(TextLength);
            c.HasOne<ActionItem>().WithMany().HasForeignKey(x => x.ActionItemId).OnDelete(DeleteBehavior.Restrict);
            c.HasIndex(x => new { x.ActionItemId, x.Id });
        });

        model.Entity<Minutes.MinutesPublication>(p =>
        {
            p.Property(x => x.TenantId).HasMaxLength(TenantLength);
            p.Property(x => x.ByEmail).HasMaxLength(EmailLength);
            p.Property(x => x.Sha256).HasMaxLength(64);
            p.Property(x => x.NotesDigest).HasMaxLength(64);
            p.Property(x => x.ApprovedByEmail).HasMaxLength(EmailLength);
            p.Property(x => x.ApprovedByName).HasMaxLength(NameLength);
            p.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
            p.HasIndex(x => new { x.TenantId, x.MeetingId, x.PublishedAt });
            p.HasIndex(x => x.MeetingId);
        });

        model.Entity<FollowUp.OutboxMail>(o =>
        {
            o.ToTable("OutboxMails");
            o.Property(x => x.TenantId).HasMaxLength(TenantLength);
            o.Property(x => x.Key).HasMaxLength(300);
            o.Property(x => x.Kind).HasMaxLength(EnumLength);
            o.Property(x => x.FromMailbox).HasMaxLength(EmailLength);
            o.Property(x => x.To).HasMaxLength(TextLength);
            o.Property(x => x.Subject).HasMaxLength(TitleLength);
            o.Property(x => x.AttachmentName).HasMaxLength(NameLength);
            o.Property(x => x.State).HasConversion<string>().HasMaxLength(EnumLength);
            o.Property(x => x.Error).HasMaxLength(GoalLength);
            // The idempotency key: the same mail can be planned any number of times and is stored once.
            o.HasIndex(x => new { x.TenantId, x.Key }).IsUnique();
            // The sender's question: which mails are due?
            o.HasIndex(x => new { x.State, x.NextAttemptAt });
        });

        model.Entity<ListVersion>(v =>
        {
            v.ToTable("ListVersions");
            v.HasKey(x => new { x.TenantId, x.OwnerEmail });
            v.Property(x => x.TenantId).HasMaxLength(TenantLength);
            v.Property(x => x.OwnerEmail).HasMaxLength(EmailLength);
        });

        model.Entity<Auth.KnownPerson>(p =>
        {
            p.ToTable("KnownPeople");
            p.Property(x => x.TenantId).HasMaxLength(TenantLength);
            p.Property(x => x.ObjectId).HasMaxLength(TenantLength);
            p.Property(x => x.Email).HasMaxLength(EmailLength);
            p.Property(x => x.Name).HasMaxLength(NameLength);
            p.HasIndex(x => new { x.TenantId, x.ObjectId }).IsUnique();
            p.HasIndex(x => new { x.TenantId, x.Email });
        });

        model.Entity<Auth.TokenCacheEntry>(e =>
        {
            e.ToTable("TokenCache");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(Auth.TokenCacheEntry.KeyLength);
            e.HasIndex(x => x.ExpiresAt);
        });

        model.Entity<FollowUp.PlanningFailure>(f =>
        {
            f.ToTable("PlanningFailures");
            f.Property(x => x.TenantId).HasMaxLength(TenantLength);
            f.Property(x => x.Key).HasMaxLength(300);
            f.Property(x => x.Error).HasMaxLength(GoalLength);
            f.HasIndex(x => new { x.TenantId, x.Key }).IsUnique();
        });

        model.Entity<Series.MeetingSeries>(s =>
        {
            s.ToTable("MeetingSeries");
            s.Property(x => x.TenantId).HasMaxLength(TenantLength);
            s.Property(x => x.OrganizerEmail).HasMaxLength(EmailLength);
            s.Property(x => x.OrganizerObjectId).HasMaxLength(TenantLength);
            s.Property(x => x.Subject).HasMaxLength(TitleLength);
            s.Property(x => x.TimeZone).HasMaxLength(TimeZoneLength);
            s.Property(x => x.Version).IsConcurrencyToken();
            s.OwnsOne(x => x.Recurrence, r =>
            {
                r.Property(x => x.Kind).HasColumnName("Pattern").HasConversion<string>().HasMaxLength(EnumLength);
                r.Property(x => x.Interval).HasColumnName("Interval");
                r.Property(x => x.DaysOfWeek).HasColumnName("DaysOfWeek").HasMaxLength(NameLength);
                r.Property(x => x.DayOfMonth).HasColumnName("DayOfMonth");
                r.Property(x => x.Index).HasColumnName("WeekIndex").HasConversion<string>().HasMaxLength(EnumLength);
                r.Property(x => x.EndDate).HasColumnName("EndDate");
                r.Property(x => x.Count).HasColumnName("Count");
            });
            s.Navigation(x => x.Recurrence).IsRequired();
            s.OwnsMany(x => x.StandingTopics, t =>
            {
                t.ToTable("StandingTopics");
                t.WithOwner().HasForeignKey("SeriesId");
                t.HasKey(x => x.Id);
                t.Property(x => x.Id).ValueGeneratedNever();
                t.Property(x => x.Topic).HasMaxLength(TitleLength);
                t.Property(x => x.Discussion).HasMaxLength(GoalLength);
                t.Property(x => x.OwnerEmail).HasMaxLength(EmailLength);
                t.Property(x => x.ExpectedOutput).HasMaxLength(GoalLength);
            });
            s.OwnsOne(x => x.Invite, i =>
            {
                i.Property(x => x.State).HasColumnName("InviteState").HasConversion<string>().HasMaxLength(EnumLength);
                i.Property(x => x.GraphEventId).HasColumnName("GraphEventId").HasMaxLength(UrlLength);
                i.Property(x => x.ICalUId).HasColumnName("ICalUId").HasMaxLength(UrlLength);
                i.Property(x => x.WebLink).HasColumnName("WebLink").HasMaxLength(UrlLength);
                i.Property(x => x.JoinUrl).HasColumnName("JoinUrl").HasMaxLength(UrlLength);
                i.Property(x => x.CancelMessage).HasColumnName("CancelMessage").HasMaxLength(GoalLength);
                i.Property(x => x.Error).HasColumnName("InviteError").HasMaxLength(GoalLength);
                i.Property(x => x.Attempts).HasColumnName("InviteAttempts");
                i.Property(x => x.NextAttemptAt).HasColumnName("InviteNextAttemptAt");
                i.Property(x => x.LeaseUntil).HasColumnName("InviteLeaseUntil");
                i.HasIndex(x => new { x.State, x.NextAttemptAt });
                i.HasIndex(x => x.GraphEventId);
                i.HasIndex(x => x.ICalUId);
            });
            s.Navigation(x => x.Invite).IsRequired();
            s.HasMany<Meeting>().WithOne().HasForeignKey(m => m.SeriesId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<TopicProposal>(p =>
        {
            p.Property(x => x.TenantId).HasMaxLength(TenantLength);
            p.Property(x => x.ProposerEmail).HasMaxLength(EmailLength);
            p.Property(x => x.ProposerName).HasMaxLength(NameLength);
            p.Property(x => x.Topic).HasMaxLength(TitleLength);
            p.Property(x => x.Why).HasMaxLength(GoalLength);
            p.Property(x => x.ExpectedOutput).HasMaxLength(GoalLength);
            p.Property(x => x.Status).HasMaxLength(EnumLength);
            p.Property(x => x.DeclineReason).HasMaxLength(GoalLength);
            p.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
            p.HasIndex(x => new { x.TenantId, x.MeetingId });
        });

        model.Entity<Templates.MeetingTemplate>(t =>
        {
            t.Property(x => x.TenantId).HasMaxLength(TenantLength);
            t.Property(x => x.Name).HasMaxLength(NameLength);
            t.Property(x => x.Language).HasMaxLength(8);
            t.Property(x => x.Goal).HasMaxLength(GoalLength);
            t.Property(x => x.AgendaJson).HasMaxLength(TextLength * 4);
            t.Property(x => x.Roles).HasMaxLength(GoalLength);
            t.Property(x => x.UpdatedBy).HasMaxLength(EmailLength);
            t.Property(x => x.Version).IsConcurrencyToken();
            t.HasIndex(x => new { x.TenantId, x.Name });
        });

        model.Entity<Feedback.MeetingFeedback>(f =>
        {
            f.ToTable("MeetingFeedback");
            f.Property(x => x.TenantId).HasMaxLength(TenantLength);
            f.Property(x => x.RaterObjectId).HasMaxLength(TenantLength);
            f.Property(x => x.Comment).HasMaxLength(Feedback.FeedbackRules.CommentLength);
            f.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
            f.HasIndex(x => new { x.TenantId, x.MeetingId, x.RaterObjectId }).IsUnique(); // one answer per person and meeting
        });

        model.Entity<Decision>(d =>
        {
            d.Property(x => x.TenantId).HasMaxLength(TenantLength);
            d.Property(x => x.Text).HasMaxLength(TextLength);
            d.Property(x => x.OwnerEmail).HasMaxLength(EmailLength);
            d.Property(x => x.OwnerName).HasMaxLength(NameLength);
            d.Property(x => x.OwnerObjectId).HasMaxLength(TenantLength);
            d.Property(x => x.Status).HasConversion<string>().HasMaxLength(EnumLength);
            d.Property(x => x.Version).IsConcurrencyToken();
            d.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
            d.HasOne<Decision>().WithMany().HasForeignKey(x => x.SupersededById).OnDelete(DeleteBehavior.Restrict);
            d.HasIndex(x => new { x.TenantId, x.MeetingId });
            d.HasIndex(x => new { x.TenantId, x.Status, x.CreatedAt }); // the register's search: by status, newest first
        });

        Projects.ProjectModel.Configure(model);
    }
}
