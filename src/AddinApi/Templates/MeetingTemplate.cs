namespace CollabAddin.Api.Templates;

/// <summary>
/// A tenant's own meeting template, next to the built-in ones (<see cref="BuiltInTemplates"/>): a goal pattern, a
/// length, agenda items with their five elements and time boxes, and the roles the meeting needs. Tenant admins keep them.
/// </summary>
public sealed class MeetingTemplate
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string TenantId { get; set; }
    public required string Name { get; set; }
    /// <summary>zh-CN or en-US: offered to planners in that language only; null for both.</summary>
    public string? Language { get; set; }
    public required string Goal { get; set; }
    public int Minutes { get; set; }
    /// <summary>The agenda items as JSON (<see cref="TemplateAgendaItem"/>): read and written whole, never queried.</summary>
    public required string AgendaJson { get; set; }
    /// <summary>The roles the meeting needs, in words ("host: the project lead; note-taker: …").</summary>
    public string? Roles { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Bumped on every change; the ETag for PUT and DELETE.</summary>
    public int Version { get; set; }
}

/// <summary>One agenda item of a template; the owner is the organizer until the planner names someone.</summary>
public sealed record TemplateAgendaItem(string Topic, string Discussion, int PlannedMinutes, string ExpectedOutput);

/// <summary>A template as planners see it: <see cref="Id"/> is "builtin:{key}" or the tenant template's id.</summary>
public sealed record TemplateResponse(string Id, bool BuiltIn, string Name, string Goal, int Minutes, IReadOnlyList<TemplateAgendaItem> Agenda, string? Roles,
    string? Language, int? Version);

/// <summary>What a tenant admin sends to add or change a template.</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record TemplateInput(string? Name, string? Language, string? Goal, int? Minutes, List<TemplateAgendaItem>? Agenda, string? Roles);
