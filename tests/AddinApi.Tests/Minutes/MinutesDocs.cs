using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CollabAddin.Api.Minutes;
using CollabAddin.Api.Tests.Infrastructure;
using CollabAddin.Minutes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CollabAddin.Api.Tests.Minutes;

/// <summary>What the note-taker does with the minutes document, done to real .docx bytes.</summary>
internal static class MinutesDocs
{
    public static async Task<byte[]> TemplateAsync(HttpClient client, Guid meetingId, string? lang = null)
    {
        var response = await client.GetAsync($"/api/meetings/{meetingId}/minutes/template{(lang is null ? "" : "?lang=" + lang)}");
        await response.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(MinutesApi.DocxType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static Task<HttpResponseMessage> PublishAsync(HttpClient client, Guid meetingId, byte[] docx, string contentType = MinutesApi.DocxType)
    {
        var content = new ByteArrayContent(docx);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return client.PostAsync($"/api/meetings/{meetingId}/minutes", content);
    }

    public static byte[] Edit(byte[] docx, Action<Body> edit)
    {
        var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, true))
            edit(document.MainDocumentPart!.Document.Body!);
        return stream.ToArray();
    }

    /// <summary>
    /// The mailed copy is the published document with the sign-off mark as its first line: asserts exactly that, and
    /// returns the mark.
    /// </summary>
    public static string MarkedCopyOf(byte[] published, byte[] mailed)
    {
        static Body BodyOf(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), false).MainDocumentPart!.Document!.Body!;
        var (original, copy) = (BodyOf(published), BodyOf(mailed));
        Assert.IsType<Paragraph>(copy.FirstChild);
        Assert.Equal(string.Concat(original.ChildElements.Select(e => e.OuterXml)), string.Concat(copy.ChildElements.Skip(1).Select(e => e.OuterXml)));
        return copy.FirstChild!.InnerText;
    }

    public static Table ActionTable(Body body) =>
        body.Descendants<Table>().Single(t => t.GetFirstChild<TableProperties>()?.GetFirstChild<TableCaption>()?.Val == MinutesTags.ActionTable);

    /// <summary>The action table's rows after the header: filled ones first, then the template's empty ones.</summary>
    public static List<SdtRow> ActionRows(Body body) => ActionTable(body).Elements<SdtRow>().ToList();

    public static void Fill(SdtRow row, params string[] values)
    {
        var cells = row.Descendants<TableCell>().ToList();
        for (var i = 0; i < values.Length; i++)
        {
            var paragraph = cells[i].Elements<Paragraph>().First();
            paragraph.RemoveAllChildren<Run>();
            paragraph.Append(new Run(new Text(values[i]) { Space = SpaceProcessingModeValues.Preserve }));
        }
    }

    public static SdtRow RowTitled(Body body, string title) => ActionRows(body).Single(r => r.Descendants<TableCell>().First().InnerText == title);

    /// <summary>What the Word pane does with a publish report: writes each row's id into its content control's tag.</summary>
    public static byte[] Stamp(byte[] docx, PublishReport report) => Edit(docx, body =>
    {
        var rows = ActionTable(body).Elements<SdtRow>().ToList();
        foreach (var result in report.Rows)
        {
            var number = int.Parse(result.Row[(result.Row.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture); // "Action items, row N": row 1 is the header
            rows[number - 2].SdtProperties!.GetFirstChild<Tag>()!.Val = MinutesTags.With(MinutesTags.ActionRow, result.Id);
        }
    });

    /// <summary>The note-taker's first draft for the standard test meeting: two items, a decision, attendance.</summary>
    public static byte[] FirstDraft(byte[] template) => Edit(template, body =>
    {
        var rows = ActionRows(body);
        Fill(rows[0], "Draft the campaign", "Carol Zhang", "2026-12-10", "Marketing", "Sales, Product", "2", "");
        Fill(rows[1], "Book the venue", "@dave", "下周五", "Sales", "", "1", "");
        var decision = body.Descendants<SdtRow>().First(r => r.SdtProperties!.GetFirstChild<Tag>()!.Val == MinutesTags.DecisionRow);
        Fill(decision, "Launch on 7 December", "Alice Wang", "1");
        var attendance = body.Descendants<SdtRow>().Where(r => r.SdtProperties!.GetFirstChild<Tag>()!.Val!.Value!.StartsWith(MinutesTags.Attendee, StringComparison.Ordinal)).ToList();
        foreach (var row in attendance.Take(3)) row.Descendants<TableCell>().Last().Elements<Paragraph>().First().Append(new Run(new Text("present")));
        attendance[3].Descendants<TableCell>().Last().Elements<Paragraph>().First().Append(new Run(new Text("absent")));
    });
}
