namespace CollabAddin.Api.Meetings;

/// <summary>
/// An agenda topic an attendee proposes before the meeting (topic, why, how long, expected output). The organizer
/// accepts it — it joins the agenda with the five elements — or declines it with a reason; the proposer is told.
/// </summary>
public sealed class TopicProposal
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string TenantId { get; set; }
    public Guid MeetingId { get; set; }
    public required string ProposerEmail { get; set; }
    public required string ProposerName { get; set; }
    public required string Topic { get; set; }
    public required string Why { get; set; }
    public int Minutes { get; set; }
    public required string ExpectedOutput { get; set; }
    /// <summary>pending, accepted or declined.</summary>
    public string Status { get; set; } = "pending";
    public string? DeclineReason { get; set; }
    /// <summary>The agenda item it became, once accepted.</summary>
    public Guid? AgendaItemId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
}

[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record TopicInput(string? Topic, string? Why, int? Minutes, string? ExpectedOutput);

[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record TopicDecision(string? Reason);

public sealed record TopicResponse(Guid Id, Guid MeetingId, ActionItems.PersonRef Proposer, string Topic, string Why, int Minutes, string ExpectedOutput,
    string Status, string? DeclineReason, Guid? AgendaItemId, DateTime CreatedAt, DateTime? DecidedAt)
{
    public static TopicResponse From(TopicProposal p) => new(p.Id, p.MeetingId, new ActionItems.PersonRef(p.ProposerEmail, p.ProposerName), p.Topic, p.Why, p.Minutes,
        p.ExpectedOutput, p.Status, p.DeclineReason, p.AgendaItemId, p.CreatedAt, p.DecidedAt);
}
