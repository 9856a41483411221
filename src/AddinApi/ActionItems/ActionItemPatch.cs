using System.Globalization;
using System.Text.Json.Serialization;
using CollabAddin.Api.Data;
using CollabAddin.Api.Http;

namespace CollabAddin.Api.ActionItems;

/// <summary>
/// What an assignee (or the people running the meeting) may change from the pane or the API.
/// Any other field in the body is refused rather than silently ignored.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ActionItemPatch(string? Status, string? ProgressNote, bool? NeedsHelp, string? NeedsHelpReason, string? DeviationReason = null)
{
    /// <summary>What is wrong with the change, by field, worded in the caller's language (see Http/Messages).</summary>
    public Dictionary<string, string[]> Validate(ActionItem current, CultureInfo culture)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string code, params object[] args) => errors[field] = [Messages.Format(code, culture, args)];
        if (Status is null && ProgressNote is null && NeedsHelp is null && NeedsHelpReason is null && DeviationReason is null)
            Error("", "item.nothingToChange");
        if (DeviationReason is { Length: > CollabModel.GoalLength })
            Error("deviationReason", "text.tooLong", CollabModel.GoalLength);

        if (Status is not null)
        {
            if (!ActionItemStatusRules.TryParse(Status, out var to))
                Error("status", "item.statusUnknown", Status);
            else if (!ActionItemStatusRules.CanMove(current.Status, to))
                Error("status", to switch
                {
                    ActionItemStatus.Cancelled => "item.cancelOnlyByMinutes",
                    _ when current.Status == ActionItemStatus.Done => "item.doneReopens",
                    _ => "item.cancelledFinal",
                });
        }

        if (ProgressNote is { Length: > CollabModel.TextLength })
            Error("progressNote", "text.tooLong", CollabModel.TextLength);

        var finalStatus = Status is not null && ActionItemStatusRules.TryParse(Status, out var moved) ? moved : current.Status;
        if (NeedsHelp == true && finalStatus is ActionItemStatus.Done or ActionItemStatus.Cancelled)
            Error("needsHelp", finalStatus == ActionItemStatus.Done ? "item.helpOnDone" : "item.helpOnCancelled");
        var helpWanted = NeedsHelp ?? current.NeedsHelp;
        var reason = NeedsHelpReason ?? (NeedsHelp == true && current.NeedsHelp ? current.NeedsHelpReason : null);
        if (NeedsHelp == true && string.IsNullOrWhiteSpace(reason))
            Error("needsHelpReason", "item.helpReasonMissing");
        else if (NeedsHelpReason is not null && !helpWanted)
            Error("needsHelpReason", "item.reasonWithoutHelp");
        else if (NeedsHelpReason is { Length: > CollabModel.TextLength })
            Error("needsHelpReason", "text.tooLong", CollabModel.TextLength);
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
