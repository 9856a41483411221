namespace CollabAddin.Api.ActionItems;

/// <summary>open → in progress → done, or blocked (进行中 / 已完成 / 阻塞). Cancelled comes from the minutes.</summary>
public enum ActionItemStatus
{
    Open,
    InProgress,
    Done,
    Blocked,
    Cancelled,
}

public static class ActionItemStatusRules
{
    /// <summary>
    /// Moves a person may make from the task pane or API. Done can be reopened (the outcome needed rework);
    /// Cancelled is final here because only the minutes cancel an item, and only they bring it back.
    /// </summary>
    public static bool CanMove(ActionItemStatus from, ActionItemStatus to) => (from, to) switch
    {
        _ when from == to => true,
        (ActionItemStatus.Cancelled, _) => false,
        (_, ActionItemStatus.Cancelled) => false,
        (ActionItemStatus.Done, ActionItemStatus.InProgress) => true,
        (ActionItemStatus.Done, _) => false,
        _ => true,
    };

    public static bool TryParse(string? text, out ActionItemStatus status)
    {
        status = default;
        return text is { Length: > 0 }
            && text.All(char.IsAsciiLetter) // "2" and "Done, Blocked" are not status names, whatever Enum.TryParse thinks
            && Enum.TryParse(text, ignoreCase: true, out status)
            && Enum.IsDefined(status);
    }

    /// <summary>The camelCase name used on the wire: open, inProgress, done, blocked, cancelled.</summary>
    public static string ToWire(this ActionItemStatus status) =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(status.ToString());
}
