using System.IO.Compression;
using System.Xml;
using BenchmarkDotNet.Attributes;
using CollabAddin.Minutes;

namespace CollabAddin.Benchmarks;

/// <summary>
/// Minutes extraction against the least work possible on the same document, in the same run: open the zip and stream
/// word/document.xml through an XmlReader, counting table cells. Goal: extraction ≤ 2× the baseline, linear in size.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private byte[] _docx = [];
    private MinutesContext _context = null!;

    [Params(10, 100, 1000, 5000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var meeting = MinutesDocuments.Meeting();
        _docx = MinutesDocuments.WithRows(meeting, Rows);
        _context = MinutesDocuments.Context(meeting);
    }

    [Benchmark(Baseline = true)]
    public int StreamCells() => CountCells(_docx);

    /// <summary>Only what the SDK does before our code runs: open the package and build the document's DOM.</summary>
    [Benchmark]
    public int LoadDom()
    {
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(_docx), false);
        return document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Count();
    }

    /// <summary>
    /// 5,000 filled rows are ~275,000 XML elements, past what a published document may have (MinutesLimits.MaxElements,
    /// 200,000): the limit is raised here so the curve can be measured past it, at every size alike.
    /// </summary>
    private static readonly MinutesLimits Limits = new() { MaxElements = 2_000_000 };

    [Benchmark]
    public int Extract() => MinutesReader.Read(new MemoryStream(_docx), _context, Limits).ActionItems.Count;

    public static int CountCells(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var xml = XmlReader.Create(zip.GetEntry("word/document.xml")!.Open());
        var cells = 0;
        while (xml.Read())
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "tc") cells++;
        return cells;
    }
}

/// <summary>The template for a meeting with 50 attendees and 5 agenda items. Goal: under 5 ms, bounded allocations.</summary>
[MemoryDiagnoser]
public class TemplateBenchmarks
{
    private MinutesMeeting _meeting = null!;

    [GlobalSetup]
    public void Setup() => _meeting = MinutesDocuments.Meeting(attendees: 50, agenda: 5);

    [Benchmark]
    public int WriteTemplate() => MinutesWriter.Write(_meeting, chinese: true).Length;
}
