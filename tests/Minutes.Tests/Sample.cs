using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CollabAddin.Minutes.Tests;

/// <summary>A meeting to write minutes for, and helpers that edit documents in memory the way people do in Word.</summary>
internal static class Sample
{
    public static readonly Guid MeetingId = Guid.Parse("01a20300-0000-7000-8000-000000000001");
    public static readonly Guid LaunchDate = Guid.Parse("01a20300-0000-7000-8000-0000000000a1");
    public static readonly Guid Campaign = Guid.Parse("01a20300-0000-7000-8000-0000000000a2");
    public static readonly DateOnly MeetingDate = new(2026, 11, 16); // a Monday

    public static MinutesMeeting Meeting(params MinutesActionItem[] published) => new(
        MeetingId, "Q3 launch plan", "Agree the Q3 launch plan and owners before 30 Sept",
        new DateTime(2026, 11, 16, 10, 0, 0), new DateTime(2026, 11, 16, 11, 0, 0), "Asia/Shanghai", "Room 5.01",
        "https://teams.microsoft.com/l/meetup-join/x",
        [
            new("alice@contoso.example", "Alice Wang", "Product", true, true, false, false),
            new("bob@contoso.example", "Bob Li", "Engineering", true, false, true, true),
            new("carol@contoso.example", "Carol Zhang", "Marketing", true, false, false, false),
            new("chen.wei@contoso.example", "陈伟", "市场部", true, false, false, false),
            new("dave@contoso.example", "Dave Chen", "Sales", false, false, false, false),
        ],
        [
            new(LaunchDate, 1, "Launch date", "alice@contoso.example", 20, "A fixed date"),
            new(Campaign, 2, "Campaign", "carol@contoso.example", 30, "Approved campaign"),
        ])
    { ActionItems = published };

    public static MinutesContext Context(IReadOnlyDictionary<Guid, string>? known = null) => new(
        MeetingDate,
        Meeting().People.Select(p => new ResolvedPerson(p.Email, p.DisplayName)).ToList(),
        Meeting().Agenda.Select(a => new MinutesAgendaRef(a.Id, a.Number, a.Topic)).ToList())
    { KnownTitles = known ?? new Dictionary<Guid, string>() };

    public static byte[] Template(bool chinese = false, params MinutesActionItem[] published) => MinutesWriter.Write(Meeting(published), chinese);

    public static MinutesContent Read(byte[] docx, MinutesContext? context = null, MinutesLimits? limits = null) =>
        MinutesReader.Read(new MemoryStream(docx), context ?? Context(), limits);

    /// <summary>Opens a copy of the document for editing and returns the edited bytes.</summary>
    public static byte[] Edit(byte[] docx, Action<Body> edit)
    {
        var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, true))
            edit(document.MainDocumentPart!.Document.Body!);
        return stream.ToArray();
    }

    /// <summary>A new document whose body is exactly what is given: what another program or a person typing would make.</summary>
    public static byte[] Document(params OpenXmlElement[] content)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
            document.AddMainDocumentPart().Document = new Document(new Body(content));
        return stream.ToArray();
    }

    public static Table ActionTable(Body body) =>
        body.Descendants<Table>().Single(t => t.GetFirstChild<TableProperties>()?.GetFirstChild<TableCaption>()?.Val == MinutesTags.ActionTable);

    public static List<SdtRow> ActionRows(Body body) => ActionTable(body).Elements<SdtRow>().ToList();

    public static void Fill(SdtRow row, params string[] values) => Fill(row.Descendants<TableRow>().Single(), values);

    public static void Fill(TableRow row, params string[] values)
    {
        var cells = row.Elements<TableCell>().ToList();
        for (var i = 0; i < values.Length; i++)
        {
            var paragraph = cells[i].Elements<Paragraph>().First();
            paragraph.RemoveAllChildren<Run>();
            paragraph.Append(new Run(new Text(values[i]) { Space = SpaceProcessingModeValues.Preserve }));
        }
    }

    public static TableRow PlainRow(params string[] cells) =>
        new(cells.Select(c => new TableCell(new Paragraph(new Run(new Text(c) { Space = SpaceProcessingModeValues.Preserve })))));

    public static Table PlainTable(string[] header, params string[][] rows)
    {
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }),
            new TableGrid(header.Select(_ => new GridColumn { Width = "1500" })), PlainRow(header));
        foreach (var row in rows) table.Append(PlainRow(row));
        return table;
    }
}
