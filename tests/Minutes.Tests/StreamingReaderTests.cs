using System.Security;
using System.Text;
using System.Text.Json;
using static CollabAddin.Minutes.Tests.Sample;

namespace CollabAddin.Minutes.Tests;

/// <summary>
/// The streaming reader against the DOM reader it replaced: every fixture, the templates, and 300 documents made at
/// random from everything people put in minutes (split runs, tracked changes, merged and spanned cells, content controls
/// kept, copied and lost, hand-typed tables in either language, decision lists, text boxes, nested tables) must read the
/// same both ways — the same items, decisions, attendance, notes and warnings, or the same refusal.
/// </summary>
public sealed class StreamingReaderTests
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private static string Outcome(Func<MinutesContent> read)
    {
        try
        {
            return JsonSerializer.Serialize(read(), Json);
        }
        catch (MinutesRejectedException e)
        {
            return $"refused {e.Kind} {e.Code} {string.Join(",", e.Args)}";
        }
    }

    private static string SameBothWays(byte[] docx, MinutesContext? context = null, MinutesLimits? limits = null)
    {
        var streamed = Outcome(() => MinutesReader.Read(new MemoryStream(docx), context ?? Context(), limits));
        var dom = Outcome(() => MinutesReader.ReadWithDom(new MemoryStream(docx), context ?? Context(), limits));
        Assert.Equal(dom, streamed);
        return streamed;
    }

    public static TheoryData<string> Fixtures() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.docx").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_fixture_reads_the_same_both_ways(string name)
    {
        var docx = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
        SameBothWays(docx);
        Assert.NotEmpty(MinutesReader.Read(new MemoryStream(docx), Context()).ActionItems.Concat<object>(MinutesReader.Read(new MemoryStream(docx), Context()).Decisions));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_templates_read_the_same_both_ways(bool chinese)
    {
        SameBothWays(Template(chinese));
        SameBothWays(Template(chinese, new MinutesActionItem(Guid.CreateVersion7(), "Freeze the build", "Bob Li", new DateOnly(2026, 11, 27), "Engineering", ["Sales"], 1, "inProgress")));
    }

    [Fact]
    public void Three_hundred_fuzzed_documents_read_the_same_both_ways()
    {
        var template = Template();
        var tried = new List<string>();
        for (var seed = 0; seed < 300; seed++)
        {
            var body = new Fuzz(new Random(seed)).Body();
            var docx = HostileDocumentTests.Repack(template, (name, bytes) => name == "word/document.xml" ? Encoding.UTF8.GetBytes(Fuzz.Document(body)) : bytes);
            var streamed = Outcome(() => MinutesReader.Read(new MemoryStream(docx), Context()));
            var dom = Outcome(() => MinutesReader.ReadWithDom(new MemoryStream(docx), Context()));
            Assert.True(dom == streamed, $"seed {seed}:\n{body}\n--- DOM:\n{dom}\n--- streamed:\n{streamed}");
            tried.Add(streamed);
        }
        // The documents exercise the reader: about a third yield action items, most warn, a third list decisions by hand.
        int Count(string text) => tried.Count(t => t.Contains(text, StringComparison.Ordinal));
        Assert.True(Count("\"Title\"") > 75, $"{Count("\"Title\"")} documents with action items");
        Assert.True(Count("\"Code\"") > 150, $"{Count("\"Code\"")} documents with warnings");
        Assert.True(Count("\"Part\": 6") > 50, $"{Count("\"Part\": 6")} documents with hand-typed decision lists");
    }

    [Fact]
    public void Limits_refuse_the_same_way_both_ways()
    {
        var docx = Template();
        Assert.Equal("refused TooLarge tableRows 3", SameBothWays(docx, limits: new MinutesLimits { MaxTableRows = 3 }));
        Assert.Equal("refused TooLarge nestedTables 0", SameBothWays(docx, limits: new MinutesLimits { MaxTableNesting = 0 }));
        Assert.Equal("refused TooLarge partTooLarge ", SameBothWays(docx, limits: new MinutesLimits { MaxCharactersInPart = 2_000 }));
    }

    [Fact]
    public void A_package_whose_main_part_is_missing_or_not_word_is_damaged_both_ways()
    {
        var template = Template();
        var renamed = HostileDocumentTests.Repack(template, (name, bytes) => name == "word/document.xml" ? null : bytes, ("word/other.xml", [60, 97, 47, 62]));
        Assert.Equal("refused Broken contentDamaged ", SameBothWays(renamed));
        var notWord = HostileDocumentTests.Repack(template, (name, bytes) => name == "word/document.xml"
            ? Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><x:sheet xmlns:x=\"urn:other\"/>") : bytes);
        Assert.StartsWith("refused", SameBothWays(notWord), StringComparison.Ordinal);
        var noBody = HostileDocumentTests.Repack(template, (name, bytes) => name == "word/document.xml"
            ? Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>") : bytes);
        Assert.Equal("refused NotADocument noBody ", SameBothWays(noBody));
    }

    [Fact]
    public void Text_in_a_smart_tag_is_read_where_the_dom_reader_lost_it()
    {
        // Word 2003–2007 wrapped recognised names and dates in <w:smartTag>. SDK 3 no longer knows the element and made
        // it and everything in it opaque, so "Bob" read as "" and the action had no owner. The streaming reader reads
        // the text of every run, as Word shows it; this is the one place the two readers differ on purpose.
        var docx = Document(PlainTable(["Action", "Owner", "Due"], ["Book the venue", "Bob Li", "2026-12-01"]));
        var tagged = HostileDocumentTests.Repack(docx, (name, bytes) => name == "word/document.xml"
            ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("<w:r><w:t xml:space=\"preserve\">Bob Li</w:t></w:r>", "<w:smartTag w:uri=\"urn:schemas-microsoft-com:office:smarttags\" w:element=\"PersonName\"><w:r><w:t xml:space=\"preserve\">Bob Li</w:t></w:r></w:smartTag>", StringComparison.Ordinal))
            : bytes);

        Assert.Equal("bob@contoso.example", Assert.Single(MinutesReader.Read(new MemoryStream(tagged), Context()).ActionItems).Owner?.Email);
        Assert.Null(Assert.Single(MinutesReader.ReadWithDom(new MemoryStream(tagged), Context()).ActionItems).Owner);
    }

    /// <summary>A random minutes body: what Word, LibreOffice and people typing produce, mixed.</summary>
    private sealed class Fuzz(Random random)
    {
        private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

        public static string Document(string body) =>
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}<w:sectPr/></w:body></w:document>""";

        private T Pick<T>(params T[] options) => options[random.Next(options.Length)];
        private bool Chance(int percent) => random.Next(100) < percent;

        private static readonly string[] Owners = ["Alice Wang", "Bob Li", "bob@contoso.example", "@carol", "陈伟", "Dave Chen <dave@contoso.example>", "Erin Wu", "Bob", "", "Alise Wang", "王芳"];
        private static readonly string[] Dues = ["2026-12-01", "12月1日", "next Friday", "下周五", "Dec 3", "whenever", "", "2026/12/1", "明天", "31/02/2026"];
        private static readonly string[] Statuses = ["", "open", "in progress", "进行中", "done", "已完成", "blocked", "maybe", "cancelled"];
        private static readonly string[] Agenda = ["", "1", "2", "议题 2", "Launch date", "Campaign", "7", "第1项"];
        private static readonly string[] Attendance = ["出席", "present", "absent", "缺席", "代理：Erin Wu", "delegate to Bob", "?", "", "✓"];
        private static readonly string[] Titles = ["Draft the campaign brief", "冻结发布版本", "Book the venue", "确认第三季度市场预算", "Print the flyers", "", "Call the agency\u007f"];
        private static readonly string[] Decisions = ["Launch on 7 Dec.", "发布日期定为12月7日。", "Sales co-owns the campaign (owner: Bob Li)", "预算上限 80 万元（负责人：陈伟）", "1. Freeze on Friday", "• Weekly sync", "①每周五同步", "none", "无", "-"];
        private static readonly string[] Headings = ["Decisions", "决议", "一、会议决议", "决定事项：", "Action items", "三、行动项", "Attendance", "Notes", "Decision: ship it", "决议：按期发布", "Summary", "议程"];

        private static readonly Dictionary<string, string[]> Headers = new()
        {
            ["title"] = ["Action", "Action item", "行动项", "事项", "任务"],
            ["owner"] = ["Owner", "负责人", "责任人", "Who"],
            ["due"] = ["Due", "Due date", "截止日期", "完成时间"],
            ["lead"] = ["Lead department", "牵头部门"],
            ["cooperating"] = ["Cooperating departments", "协作部门"],
            ["agenda"] = ["Agenda item", "议题"],
            ["status"] = ["Status", "状态"],
            ["text"] = ["Decision", "决议", "决定事项", "Content"],
            ["name"] = ["Name", "姓名", "Attendee"],
            ["mark"] = ["Attendance", "出席情况", "Present?"],
            ["extra"] = ["Notes", "备注", "#", "序号"],
        };

        public string Body()
        {
            var body = new StringBuilder();
            var blocks = random.Next(1, 9);
            for (var i = 0; i < blocks; i++) body.Append(Block(0));
            return body.ToString();
        }

        private string Block(int depth) => random.Next(depth > 1 ? 6 : 10) switch
        {
            0 or 1 => Paragraph(Pick(Headings), heading: Chance(50)),
            2 or 3 => Paragraph(Pick(Decisions), list: Chance(60)),
            4 => Paragraph(Pick(Titles.Concat(Decisions).ToArray())),
            5 => Table(depth),
            6 or 7 => Table(depth),
            8 => Tagged(depth),
            _ => Chance(50)
                ? $"<w:sdt><w:sdtPr>{(Chance(50) ? "<w:tag w:val=\"other\"/>" : "")}</w:sdtPr><w:sdtContent>{Block(depth + 1)}{Block(depth + 1)}</w:sdtContent></w:sdt>"
                : $"<w:customXml w:element=\"x\">{Block(depth + 1)}</w:customXml>",
        };

        private string Tagged(int depth)
        {
            var id = Pick(LaunchDate.ToString(), Campaign.ToString(), Guid.Empty.ToString(), "x");
            var tag = Pick($"{MinutesTags.Notes}:{id}", $"{MinutesTags.AgendaDecisions}:{id}", MinutesTags.NextMeeting);
            var content = new StringBuilder();
            for (var i = random.Next(0, 4); i > 0; i--) content.Append(Chance(15) ? Table(depth + 1) : Paragraph(Pick(Decisions.Concat(Titles).ToArray())));
            return Chance(10)
                ? $"<w:sdt><w:sdtPr><w:tag w:val=\"{tag}\"/></w:sdtPr></w:sdt>"
                : $"<w:sdt><w:sdtPr><w:alias w:val=\"x\"/><w:tag w:val=\"{tag}\"/></w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>";
        }

        private string Paragraph(string text, bool heading = false, bool list = false)
        {
            var properties = new StringBuilder();
            if (heading) properties.Append(Pick("<w:pStyle w:val=\"Heading1\"/>", "<w:pStyle w:val=\"Heading2\"/>", "<w:pStyle w:val=\"Title\"/>", "<w:outlineLvl w:val=\"0\"/>", "<w:pStyle w:val=\"Normal\"/>"));
            if (list) properties.Append("<w:numPr><w:ilvl w:val=\"" + Pick("0", "0", "1", "2") + "\"/><w:numId w:val=\"1\"/></w:numPr>");
            if (Chance(10)) properties.Append("<w:rPr><w:del w:id=\"9\" w:author=\"A\" w:date=\"2026-11-16T10:00:00Z\"/></w:rPr>");
            return $"<w:p>{(properties.Length > 0 ? $"<w:pPr>{properties}</w:pPr>" : "")}{Runs(text)}</w:p>";
        }

        /// <summary>The text split into runs at random places, with tracked changes, fields, links and breaks mixed in.</summary>
        private string Runs(string text)
        {
            var runs = new StringBuilder();
            var at = 0;
            while (at < text.Length)
            {
                var length = Math.Min(text.Length - at, random.Next(1, 8));
                if (char.IsHighSurrogate(text[at + length - 1]) && at + length < text.Length) length++;
                var piece = SecurityElement.Escape(text.Substring(at, length));
                at += length;
                var run = Chance(20) ? $"<w:r><w:t xml:space=\"preserve\">{piece}</w:t></w:r>" : $"<w:r><w:rPr><w:b/></w:rPr><w:t>{piece}</w:t></w:r>";
                runs.Append(random.Next(12) switch
                {
                    0 => $"<w:ins w:id=\"1\" w:author=\"A\" w:date=\"2026-11-16T10:00:00Z\">{run}</w:ins>",
                    1 => $"<w:hyperlink r:id=\"rId99\">{run}</w:hyperlink>",
                    2 => $"<w:sdt><w:sdtPr/><w:sdtContent>{run}</w:sdtContent></w:sdt>",
                    3 => Pick($"<w:customXml w:element=\"x\">{run}</w:customXml>", $"<w:fldSimple w:instr=\" AUTHOR \">{run}</w:fldSimple>"),
                    4 => $"<w:moveTo w:id=\"3\" w:author=\"A\">{run}</w:moveTo>",
                    _ => run,
                });
                switch (random.Next(16))
                {
                    case 0: runs.Append("<w:del w:id=\"2\" w:author=\"A\" w:date=\"2026-11-16T10:00:00Z\"><w:r><w:delText>removed</w:delText></w:r></w:del>"); break;
                    case 1: runs.Append("<w:moveFrom w:id=\"4\" w:author=\"A\"><w:r><w:t>moved away</w:t></w:r></w:moveFrom>"); break;
                    case 2: runs.Append(Pick("<w:r><w:tab/></w:r>", "<w:r><w:br/></w:r>", "<w:r><w:cr/></w:r>", "<w:r><w:noBreakHyphen/></w:r>")); break;
                    case 3: runs.Append("<w:bookmarkStart w:id=\"0\" w:name=\"b\"/><w:bookmarkEnd w:id=\"0\"/>"); break;
                    case 4: runs.Append("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"); break;
                    case 5: runs.Append("<w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"); break;
                    case 6: runs.Append("<w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>in a text box</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"); break;
                }
            }
            return runs.ToString();
        }

        private string Table(int depth)
        {
            var kind = random.Next(4); // actions, decisions, attendance, something else
            string[] keys = kind switch
            {
                0 => ["title", "owner", "due", "lead", "cooperating", "agenda", "status", "extra"],
                1 => ["text", "owner", "agenda", "due", "extra"],
                2 => ["name", "extra", "mark"],
                _ => ["extra", "text", "title"],
            };
            var columns = keys.Where((_, i) => i < 2 || Chance(70)).OrderBy(_ => random.Next()).ToList();
            var xml = new StringBuilder("<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/>");
            if (Chance(30)) xml.Append("<w:tblCaption w:val=\"" + Pick(MinutesTags.ActionTable, MinutesTags.DecisionTable, "Other") + "\"/>");
            xml.Append("</w:tblPr><w:tblGrid>").Append(string.Concat(columns.Select(_ => "<w:gridCol/>"))).Append("</w:tblGrid>");
            if (Chance(85)) xml.Append(Row(columns.Select(k => Pick(Headers[k])).ToList(), header: Chance(50), tag: null, depth));
            var rows = random.Next(0, 6);
            for (var r = 0; r < rows; r++)
            {
                var values = columns.Select(k => k switch
                {
                    "title" => Pick(Titles),
                    "owner" => Pick(Owners),
                    "due" => Pick(Dues),
                    "lead" or "cooperating" => Pick("Marketing", "市场部", "Sales, Product", "销售部、产品部", ""),
                    "agenda" => Pick(Agenda),
                    "status" => Pick(Statuses),
                    "text" => Pick(Decisions),
                    "name" => Pick(Owners),
                    "mark" => Pick(Attendance),
                    _ => Pick("", "x", "1"),
                }).ToList();
                var tag = kind switch
                {
                    0 when Chance(50) => Pick(MinutesTags.ActionRow, $"{MinutesTags.ActionRow}:{Pick(LaunchDate, Campaign)}"),
                    1 when Chance(40) => Pick(MinutesTags.DecisionRow, $"{MinutesTags.DecisionRow}:{Campaign}"),
                    2 when Chance(50) => $"{MinutesTags.Attendee}:{Pick("alice@contoso.example", "bob@contoso.example")}",
                    _ => null,
                };
                xml.Append(Row(values, header: false, tag, depth));
            }
            return xml.Append("</w:tbl>").ToString();
        }

        private string Row(List<string> values, bool header, string? tag, int depth)
        {
            var row = new StringBuilder("<w:tr>");
            if (header || Chance(10)) row.Append(header ? "<w:trPr><w:tblHeader/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>");
            for (var c = 0; c < values.Count; c++)
            {
                var properties = "";
                if (c + 1 < values.Count && Chance(8))
                {
                    properties = "<w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>";
                    c++;
                }
                else if (Chance(8)) properties = Pick("<w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>", "<w:tcPr><w:vMerge/></w:tcPr>", "<w:tcPr><w:vMerge w:val=\"continue\"/></w:tcPr>");
                var content = new StringBuilder(Paragraph(values[c]));
                if (Chance(10)) content.Append(Paragraph(Pick(Titles)));
                if (Chance(4) && depth < 3) content.Append(Table(depth + 1)).Append("<w:p/>");
                var cell = $"<w:tc>{properties}{content}</w:tc>";
                row.Append(Chance(5) ? $"<w:sdt><w:sdtPr/><w:sdtContent>{cell}</w:sdtContent></w:sdt>" : Chance(3) ? $"<w:customXml w:element=\"c\">{cell}</w:customXml>" : cell);
            }
            row.Append("</w:tr>");
            if (tag is not null)
                return Chance(85)
                    ? $"<w:sdt><w:sdtPr><w:tag w:val=\"{tag}\"/></w:sdtPr><w:sdtContent>{row}</w:sdtContent></w:sdt>"
                    : $"<w:sdt><w:sdtPr><w:tag w:val=\"{tag}\"/></w:sdtPr><w:sdtContent><w:customXml w:element=\"r\">{row}</w:customXml></w:sdtContent></w:sdt>";
            return Chance(5) ? $"<w:sdt><w:sdtPr/><w:sdtContent>{row}</w:sdtContent></w:sdt>" : row.ToString();
        }
    }
}
