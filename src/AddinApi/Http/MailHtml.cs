namespace CollabAddin.Api.Http;

/// <summary>The frame every mail the API writes shares: the body's font (Chinese and Latin), and the closing line.</summary>
public static class MailHtml
{
    public const string Open = "<html><body style=\"font-family:'Segoe UI','Microsoft YaHei',sans-serif;font-size:14px;color:#242424\">";

    /// <summary>A small grey line (the pane to act from, by default), then the end of the document.</summary>
    public static string Close(bool zh, string? footer = null) =>
        $"<p style=\"color:#616161;font-size:12px\">{footer ?? (zh ? "在 Outlook 的 CollabAddin 窗格中更新进度。" : "Update your progress from the CollabAddin pane in Outlook.")}</p></body></html>";
}
