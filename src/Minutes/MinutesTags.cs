namespace CollabAddin.Minutes;

/// <summary>
/// Content-control tags of the generated minutes. Stable across versions: a document written by an older
/// template must still read. A row's id travels in its tag ("collab:action:{id}").
/// </summary>
public static class MinutesTags
{
    public const string Prefix = "collab:";
    public const string Facts = "collab:facts";
    public const string Attendance = "collab:attendance";
    public const string Attendee = "collab:attendee";      // + ":{email}"
    public const string Notes = "collab:notes";            // + ":{agendaItemId}"
    public const string AgendaDecisions = "collab:agenda-decisions"; // + ":{agendaItemId}"
    public const string ActionTable = "collab:actions";
    public const string ActionRow = "collab:action";       // + ":{id}" once published
    public const string DecisionTable = "collab:decisions";
    public const string DecisionRow = "collab:decision";   // + ":{id}" once published
    public const string NextMeeting = "collab:next";

    public static string With(string tag, object id) => $"{tag}:{id}";

    /// <summary>Whether a content control with this tag is read as one block (its text), not looked through.</summary>
    public static bool IsBlock(string? tag) => Parse(tag).Kind is Notes or AgendaDecisions or NextMeeting;

    /// <summary>Splits "collab:action:{id}" into its kind and id; the id is null for rows never published.</summary>
    public static (string Kind, string? Value) Parse(string? tag)
    {
        if (tag is null || !tag.StartsWith(Prefix, StringComparison.Ordinal)) return ("", null);
        var second = tag.IndexOf(':', Prefix.Length);
        return second < 0 ? (tag, null) : (tag[..second], tag[(second + 1)..]);
    }
}
