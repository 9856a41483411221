using System.Globalization;
using CollabAddin.Minutes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CollabAddin.Benchmarks;

/// <summary>Minutes documents of a given size, made the way a note-taker fills the template.</summary>
public static class MinutesDocuments
{
    public static readonly DateOnly MeetingDate = new(2026, 11, 16);

    public static MinutesMeeting Meeting(int attendees = 5, int agenda = 2)
    {
        var people = Enumerable.Range(0, attendees).Select(i => new MinutesPerson($"person{i}@contoso.example", $"Person {i}", $"Dept {i % 7}", i % 4 != 3, i == 0, i == 1, i == 2)).ToList();
        var items = Enumerable.Range(0, agenda).Select(i => new MinutesAgendaItem(Guid.CreateVersion7(), i + 1, $"Topic {i + 1}", people[i % people.Count].Email, 10, "An agreed outcome")).ToList();
        return new MinutesMeeting(Guid.CreateVersion7(), "Q3 launch plan", "Agree the Q3 launch plan and owners before 30 Sept",
            new DateTime(2026, 11, 16, 10, 0, 0), new DateTime(2026, 11, 16, 11, 0, 0), "Asia/Shanghai", "Room 5.01", null, people, items);
    }

    public static MinutesContext Context(MinutesMeeting meeting) => new(MeetingDate,
        meeting.People.Select(p => new ResolvedPerson(p.Email, p.DisplayName)).ToList(),
        meeting.Agenda.Select(a => new MinutesAgendaRef(a.Id, a.Number, a.Topic)).ToList());

    /// <summary>The template with <paramref name="rows"/> filled action rows and a long notes section per agenda item.</summary>
    public static byte[] WithRows(MinutesMeeting meeting, int rows) =>
        WithRows(MinutesWriter.Write(meeting, chinese: false), meeting.People.Select(p => p.DisplayName).ToList(), rows);

    /// <summary>Fills any minutes template (e.g. one downloaded from the API) with action rows owned by the given people.</summary>
    public static byte[] WithRows(byte[] template, IReadOnlyList<string> owners, int rows)
    {
        var stream = new MemoryStream();
        stream.Write(template);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var body = document.MainDocumentPart!.Document.Body!;
            var table = body.Descendants<Table>().Single(t => t.GetFirstChild<TableProperties>()?.GetFirstChild<TableCaption>()?.Val == MinutesTags.ActionTable);
            var prototype = table.Elements<SdtRow>().First();
            foreach (var empty in table.Elements<SdtRow>().ToList()) empty.Remove();
            for (var i = 0; i < rows; i++)
            {
                var row = (SdtRow)prototype.CloneNode(true);
                var cells = row.Descendants<TableCell>().ToList();
                string[] values = [$"Action number {i}: prepare the material for the launch", owners[i % owners.Count],
                    MeetingDate.AddDays(7 + i % 60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), $"Dept {i % 7}", $"Dept {(i + 1) % 7}, Dept {(i + 2) % 7}", "1", ""];
                for (var c = 0; c < values.Length; c++)
                {
                    var paragraph = cells[c].Elements<Paragraph>().First();
                    paragraph.RemoveAllChildren<Run>();
                    paragraph.Append(new Run(new Text(values[c]) { Space = SpaceProcessingModeValues.Preserve }));
                }
                table.Append(row);
            }
            foreach (var notes in body.Descendants<SdtBlock>().Where(b => b.SdtProperties!.GetFirstChild<Tag>()!.Val!.Value!.StartsWith(MinutesTags.Notes, StringComparison.Ordinal)))
                for (var p = 0; p < 50; p++)
                    notes.SdtContentBlock!.Append(new Paragraph(new Run(new Text($"Discussion point {p}: the group weighed the options and the risks in some detail before moving on."))));
        }
        return stream.ToArray();
    }
}
