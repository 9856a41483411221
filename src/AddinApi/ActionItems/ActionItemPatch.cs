using System.Text.Json.Serialization;
using CollabAddin.Api.Data;

namespace CollabAddin.Api.ActionItems;

/// <summary>
/// What an assignee (or the people running the meeting) may change from the pane or the API.
/// Any other field in the body is refused rather than silently ignored.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ActionItemPatch(string? Status, string? ProgressNote, bool? NeedsHelp, string? NeedsHelpReason, string? DeviationReason = null)
{
    public Dictionary<string, string[]> Validate(ActionItem current)
    {
        var errors = new Dictionary<string, string[]>();
        if (Status is null && ProgressNote is null && NeedsHelp is null && NeedsHelpReason is null && DeviationReason is null)
            errors[""] = ["Nothing to change: send status, progressNote, needsHelp, needsHelpReason or deviationReason."];
        if (DeviationReason is { Length: > CollabModel.GoalLength })
            errors["deviationReason"] = [$"A deviation reason has at most {CollabModel.GoalLength} characters."];

        if (Status is not null)
        {
            if (!ActionItemStatusRules.TryParse(Status, out var to))
                errors["status"] = [$"'{Status}' is not a status. Use open, inProgress, done or blocked."];
            else if (!ActionItemStatusRules.CanMove(current.Status, to))
                errors["status"] = [to switch
                {
                    ActionItemStatus.Cancelled => "Items are cancelled by removing them from the minutes, not from here.",
                    _ when current.Status == ActionItemStatus.Done => "A done item can only be reopened as inProgress.",
                    _ => "A cancelled item cannot be changed from here; only the minutes can bring it back.",
                }];
        }

        if (ProgressNote is { Length: > CollabModel.TextLength })
            errors["progressNote"] = [$"A progress note has at most {CollabModel.TextLength} characters."];

        var finalStatus = Status is not null && ActionItemStatusRules.TryParse(Status, out var moved) ? moved : current.Status;
        if (NeedsHelp == true && finalStatus is ActionItemStatus.Done or ActionItemStatus.Cancelled)
            errors["needsHelp"] = [finalStatus == ActionItemStatus.Done
                ? "A done item needs no help. Reopen it (status inProgress) if the work is not finished."
                : "A cancelled item needs no help: it is no longer tracked."];
        var helpWanted = NeedsHelp ?? current.NeedsHelp;
        var reason = NeedsHelpReason ?? (NeedsHelp == true && current.NeedsHelp ? current.NeedsHelpReason : null);
        if (NeedsHelp == true && string.IsNullOrWhiteSpace(reason))
            errors["needsHelpReason"] = ["Say what help is needed, so the organizer and the lead department can act on it."];
        else if (NeedsHelpReason is not null && !helpWanted)
            errors["needsHelpReason"] = ["A reason only goes with needsHelp: true."];
        else if (NeedsHelpReason is { Length: > CollabModel.TextLength })
            errors["needsHelpReason"] = [$"A reason has at most {CollabModel.TextLength} characters."];
        return errors;
    }

    /// <summary>Call after <see cref="Validate"/> returned no errors.</summary>
    public void ApplyTo(ActionItem item)
    {
        if (Status is not null && ActionItemStatusRules.TryParse(Status, out var status))
            item.Status = status;
        if (ProgressNote is not null)
            item.ProgressNote = string.IsNullOrWhiteSpace(ProgressNote) ? null : ProgressNote.Trim();
        if (NeedsHelp is { } needsHelp)
            item.NeedsHelp = needsHelp;
        if (NeedsHelpReason is not null)
            item.NeedsHelpReason = NeedsHelpReason.Trim();
        if (DeviationReason is not null)
            item.DeviationReason = string.IsNullOrWhiteSpace(DeviationReason) ? null : DeviationReason.Trim();
        // Finished work needs no help, and a cleared flag keeps no stale reason.
        if (item.Status == ActionItemStatus.Done)
            item.NeedsHelp = false;
        if (!item.NeedsHelp)
            item.NeedsHelpReason = null;
    }
}
