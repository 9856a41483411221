using System.Globalization;
using CollabAddin.Api.Data;
using CollabAddin.Api.Http;

namespace CollabAddin.Api.Projects;

/// <summary>The head's review of a request: approve, or return with the reason (goal unclear, resources, timing, other).</summary>
public sealed record ReviewInput(string? Outcome, string? Reason, string? Comment)
{
    public const string Approve = "approve";
    public const string Return = "return";
    public static readonly string[] Reasons = ["goalUnclear", "resources", "timing", "other"];

    public Dictionary<string, string[]> Validate(CultureInfo culture)
    {
        var errors = new Dictionary<string, string[]>();
        if (Outcome is not (Approve or Return)) errors["outcome"] = [Messages.Format("project.outcomeUnknown", culture)];
        else if (Outcome == Return && !Reasons.Contains(Reason)) errors["reason"] = [Messages.Format("project.reasonUnknown", culture)];
        else if (Outcome == Return && Reason == "other" && string.IsNullOrWhiteSpace(Comment)) errors["comment"] = [Messages.Format("project.commentMissing", culture)];
        if (Comment is { Length: > CollabModel.GoalLength }) errors["comment"] = [Messages.Format("text.tooLong", culture, CollabModel.GoalLength)];
        return errors;
    }
}

/// <summary>An involved department's first answer: agree, needsChanges or conflict (the last two say why).</summary>
public sealed record DepartmentAnswer(string? Response, string? Comment)
{
    public DepartmentResponse Parsed => Response switch
    {
        "agree" => DepartmentResponse.Agree,
        "needsChanges" => DepartmentResponse.NeedsChanges,
        "conflict" => DepartmentResponse.Conflict,
        _ => DepartmentResponse.Pending,
    };

    public static string Wire(DepartmentResponse response) => response switch
    {
        DepartmentResponse.Agree => "agree",
        DepartmentResponse.NeedsChanges => "needsChanges",
        DepartmentResponse.Conflict => "conflict",
        _ => "pending",
    };

    public Dictionary<string, string[]> Validate(CultureInfo culture)
    {
        var errors = new Dictionary<string, string[]>();
        if (Parsed == DepartmentResponse.Pending) errors["response"] = [Messages.Format("project.responseUnknown", culture)];
        else if (Parsed != DepartmentResponse.Agree && string.IsNullOrWhiteSpace(Comment)) errors["comment"] = [Messages.Format("project.commentMissing", culture)];
        if (Comment is { Length: > CollabModel.GoalLength }) errors["comment"] = [Messages.Format("text.tooLong", culture, CollabModel.GoalLength)];
        return errors;
    }
}

/// <summary>The communication mechanism as typed (《沟通机制确认表》).</summary>
public sealed record CommunicationInput(Guid? SeriesId, string? Cadence, string? Channels, string? RoutineContacts, string? MajorDecisions)
{
    public Dictionary<string, string[]> Validate(CultureInfo culture)
    {
        var errors = new Dictionary<string, string[]>();
        if (Cadence is { Length: > CollabModel.TitleLength }) errors["cadence"] = [Messages.Format("text.tooLong", culture, CollabModel.TitleLength)];
        foreach (var (field, text) in new[] { ("channels", Channels), ("routineContacts", RoutineContacts), ("majorDecisions", MajorDecisions) })
            if (text is { Length: > CollabModel.GoalLength }) errors[field] = [Messages.Format("text.tooLong", culture, CollabModel.GoalLength)];
        if (SeriesId is null && string.IsNullOrWhiteSpace(Cadence)) errors["cadence"] = [Messages.Format("project.cadenceMissing", culture)];
        return errors;
    }

    public void ApplyTo(Communication c)
    {
        static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        (c.SeriesId, c.Cadence, c.Channels, c.RoutineContacts, c.MajorDecisions) = (SeriesId, Text(Cadence), Text(Channels), Text(RoutineContacts), Text(MajorDecisions));
    }
}
