using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CollabAddin.Minutes;

/// <summary>Whether published minutes are approved: by whom and when, or still a draft awaiting <see cref="Approvers"/>.</summary>
public sealed record MinutesApproval(bool Approved, string? By, DateOnly? On, string Approvers);

/// <summary>
/// Marks a copy of published minutes as a draft or as approved: one line at the top, in the document's language. The
/// stored document is never changed; the mailed copy and the template carry the mark.
/// </summary>
public static class MinutesStamp
{
    public static string Text(MinutesApproval approval, bool chinese) => approval.Approved
        ? chinese ? $"已批准：{approval.By}，{approval.On:yyyy-MM-dd}" : $"Approved by {approval.By} on {approval.On:yyyy-MM-dd}"
        : chinese ? $"草稿：待{approval.Approvers}批准" : $"DRAFT: awaiting approval by {approval.Approvers}";

    /// <summary>The mark as a paragraph: bold, red for a draft and green once approved, so it is seen before anything else.</summary>
    public static Paragraph Paragraph(MinutesApproval approval, bool chinese) => new(
        new ParagraphProperties(new KeepNext()),
        new Run(new RunProperties(new Bold(), new Color { Val = approval.Approved ? "107C10" : "C50F1F" }),
            new Text(TypedText.Strip(Text(approval, chinese))) { Space = SpaceProcessingModeValues.Preserve }));

    /// <summary>A copy of <paramref name="docx"/> with the mark as its first line (the document passed the package guard when it was published).</summary>
    public static byte[] Mark(byte[] docx, MinutesApproval approval, bool chinese)
    {
        var stream = new MemoryStream();
        stream.Write(docx);
        try
        {
            using (var document = WordprocessingDocument.Open(stream, true))
            {
                var body = document.MainDocumentPart?.Document?.Body;
                if (body is null) return docx;
                body.PrependChild(Paragraph(approval, chinese));
            }
            return stream.ToArray();
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException)
        {
            return docx; // a stored copy Word cannot open either: sent as it is (the mail itself still says draft or approved)
        }
    }
}
