using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CollabAddin.Api.Data.Migrations;

// Hand-written, provider-neutral like Initial (see there). Adds what an organizer plans (goal, agenda, pre-reads,
// preparation) and the invite's Graph identity and outbox state.

[DbContext(typeof(SqliteCollabDb)), Migration("20261122100000_MeetingPlans")]
public sealed class SqliteMeetingPlans : MeetingPlans;

[DbContext(typeof(PostgresCollabDb)), Migration("20261122100000_MeetingPlans")]
public sealed class PostgresMeetingPlans : MeetingPlans;

public abstract class MeetingPlans : Migration
{
    private const int Email = CollabModel.EmailLength, Title = CollabModel.TitleLength, Text = CollabModel.TextLength,
        Goal = CollabModel.GoalLength, Url = CollabModel.UrlLength, Enum = CollabModel.EnumLength;

    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("Goal", "Meetings", maxLength: Goal, nullable: true);
        m.AddColumn<string>("Location", "Meetings", maxLength: Title, nullable: true);
        m.AddColumn<bool>("IsOnlineMeeting", "Meetings", nullable: false, defaultValue: false);
        m.AddColumn<string>("Language", "Meetings", maxLength: Enum, nullable: true);
        m.AddColumn<DateTime>("UpdatedAt", "Meetings", nullable: false, defaultValue: DateTime.UnixEpoch);
        m.AddColumn<int>("Version", "Meetings", nullable: false, defaultValue: 0);
        m.AddColumn<string>("InviteState", "Meetings", maxLength: Enum, nullable: false, defaultValue: "None");
        m.AddColumn<string>("GraphEventId", "Meetings", maxLength: Url, nullable: true);
        m.AddColumn<string>("ICalUId", "Meetings", maxLength: Url, nullable: true);
        m.AddColumn<string>("WebLink", "Meetings", maxLength: Url, nullable: true);
        m.AddColumn<string>("JoinUrl", "Meetings", maxLength: Url, nullable: true);
        m.AddColumn<string>("CancelMessage", "Meetings", maxLength: Goal, nullable: true);
        m.AddColumn<string>("InviteError", "Meetings", maxLength: Goal, nullable: true);
        m.AddColumn<int>("InviteAttempts", "Meetings", nullable: false, defaultValue: 0);
        m.AddColumn<DateTime>("InviteNextAttemptAt", "Meetings", nullable: true);
        m.AddColumn<DateTime>("InviteLeaseUntil", "Meetings", nullable: true);
        m.AddColumn<string>("Preparation", "MeetingAttendees", maxLength: Goal, nullable: true);

        m.CreateTable("AgendaItems", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            MeetingId = t.Column<Guid>(nullable: false),
            Position = t.Column<int>(nullable: false),
            Topic = t.Column<string>(maxLength: Title, nullable: false),
            Discussion = t.Column<string>(maxLength: Goal, nullable: false),
            OwnerEmail = t.Column<string>(maxLength: Email, nullable: false),
            PlannedMinutes = t.Column<int>(nullable: false),
            ExpectedOutput = t.Column<string>(maxLength: Goal, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AgendaItems", x => x.Id);
            t.ForeignKey("FK_AgendaItems_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("MeetingPreReads", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            MeetingId = t.Column<Guid>(nullable: false),
            Position = t.Column<int>(nullable: false),
            Title = t.Column<string>(maxLength: Title, nullable: false),
            Url = t.Column<string>(maxLength: Url, nullable: false),
            Readers = t.Column<string>(maxLength: Text, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MeetingPreReads", x => x.Id);
            t.ForeignKey("FK_MeetingPreReads_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateIndex("IX_AgendaItems_MeetingId", "AgendaItems", "MeetingId");
        m.CreateIndex("IX_MeetingPreReads_MeetingId", "MeetingPreReads", "MeetingId");
        m.CreateIndex("IX_Meetings_InviteState_InviteNextAttemptAt", "Meetings", ["InviteState", "InviteNextAttemptAt"]);
        m.CreateIndex("IX_Meetings_GraphEventId", "Meetings", "GraphEventId");
        m.CreateIndex("IX_Meetings_ICalUId", "Meetings", "ICalUId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("MeetingPreReads");
        m.DropTable("AgendaItems");
        foreach (var index in new[] { "IX_Meetings_InviteState_InviteNextAttemptAt", "IX_Meetings_GraphEventId", "IX_Meetings_ICalUId" })
            m.DropIndex(index, "Meetings");
        foreach (var column in new[] { "Goal", "Location", "IsOnlineMeeting", "Language", "UpdatedAt", "Version", "InviteState", "GraphEventId",
                     "ICalUId", "WebLink", "JoinUrl", "CancelMessage", "InviteError", "InviteAttempts", "InviteNextAttemptAt", "InviteLeaseUntil" })
            m.DropColumn(column, "Meetings");
        m.DropColumn("Preparation", "MeetingAttendees");
    }
}
