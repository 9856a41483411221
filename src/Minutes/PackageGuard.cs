using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace CollabAddin.Minutes;

/// <summary>
/// Looks at the zip before OpenXML parses anything: not a zip, encrypted or IRM-protected (an OLE file), macros,
/// links to outside content, too many parts, or more decompressed bytes than any minutes need (a zip bomb).
/// Decompressed sizes are counted while reading, not taken from the zip's own (forgeable) header.
/// </summary>
internal static class PackageGuard
{
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private const string MacroMainPart = "application/vnd.ms-word.document.macroEnabled.main+xml";
    private const string Hyperlink = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

    /// <summary>Returns the package as a seekable stream of verified bytes.</summary>
    public static MemoryStream Check(Stream input, MinutesLimits limits) => CheckPackage(input, limits).Bytes;

    /// <summary>The verified bytes, with the content types and relationships the guard read: a reader need not unpack them again.</summary>
    public static CheckedPackage CheckPackage(Stream input, MinutesLimits limits)
    {
        // One buffer of the right size when the upload says how long it is (the API has bounded it already).
        var bytes = input.CanSeek && input.Length - input.Position is var length and > 0 and <= int.MaxValue
            ? new MemoryStream((int)length)
            : new MemoryStream();
        input.CopyTo(bytes);
        bytes.Position = 0;
        var head = bytes.GetBuffer().AsSpan(0, (int)Math.Min(8, bytes.Length));
        if (head.SequenceEqual(OleSignature))
            throw new MinutesRejectedException(MinutesRejection.Refused, "encrypted",
                "This file is encrypted, protected by Information Rights Management, or an old .doc. Remove the protection and save it as a .docx.");
        if (bytes.Length < 4 || bytes.GetBuffer()[0] != (byte)'P' || bytes.GetBuffer()[1] != (byte)'K')
            throw new MinutesRejectedException(MinutesRejection.NotADocument, "notDocx", "This is not a Word document (.docx). Save the minutes as a .docx and publish that.");

        // ZipArchive reads its central directory lazily (at Entries, at Open), so a damaged zip can throw at any of them,
        // and not only as InvalidDataException: unsupported compression methods and bad offsets surface as the others.
        CheckedPackage package;
        try
        {
            using var zip = new ZipArchive(bytes, ZipArchiveMode.Read, leaveOpen: true);
            package = Inspect(zip, limits, bytes);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException or ArgumentException)
        {
            throw new MinutesRejectedException(MinutesRejection.Broken, "incomplete", "The file is damaged (it is not a complete .docx). Save it again from Word and publish the new copy.");
        }
        bytes.Position = 0;
        return package;
    }

    private static CheckedPackage Inspect(ZipArchive zip, MinutesLimits limits, MemoryStream bytes)
    {
        if (zip.Entries.Count > limits.MaxParts)
            throw new MinutesRejectedException(MinutesRejection.TooLarge, "tooManyParts", $"The document has {zip.Entries.Count} parts; minutes have at most {limits.MaxParts}.", zip.Entries.Count.ToString(CultureInfo.InvariantCulture), limits.MaxParts.ToString(CultureInfo.InvariantCulture));
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long total = 0;
        var elements = 0;
        string? contentTypes = null;
        var relationships = new List<(string Name, string Xml)>();
        foreach (var entry in zip.Entries)
        {
            if (!names.Add(entry.FullName))
                throw new MinutesRejectedException(MinutesRejection.Broken, "duplicatePart", $"The document contains '{entry.FullName}' twice; it is damaged.", entry.FullName);
            if (entry.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase) || entry.FullName.Contains("activeX", StringComparison.OrdinalIgnoreCase))
                throw new MinutesRejectedException(MinutesRejection.Refused, "macros", "The document contains macros or ActiveX controls. Save it as a plain .docx (Word Document) and publish that.");
            var text = entry.FullName == "[Content_Types].xml" || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
            var xml = !text && entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);
            total += ReadCounted(entry, limits.MaxDecompressedBytes - total, text, out var content,
                xml ? limits.MaxElements - elements : -1, out var counted);
            elements += counted;
            if (entry.FullName == "[Content_Types].xml") contentTypes = content;
            else if (content is not null) relationships.Add((entry.FullName, content));
        }
        if (contentTypes is null)
            throw new MinutesRejectedException(MinutesRejection.NotADocument, "zipNotWord", "This zip file is not a Word document (.docx).");
        if (contentTypes.Contains(MacroMainPart, StringComparison.OrdinalIgnoreCase))
            throw new MinutesRejectedException(MinutesRejection.Refused, "docm", "This is a macro-enabled document (.docm). Save it as a plain .docx (Word Document) and publish that.");
        var read = new Dictionary<string, IReadOnlyList<Relationship>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, xml) in relationships)
            read[name] = CheckRelationships(name, xml);
        return new CheckedPackage(bytes, contentTypes, read);
    }

    /// <summary>
    /// Unpacks one part, counting its bytes (and, when <paramref name="elementAllowance"/> is not negative, its XML
    /// elements, with a forward-only reader that holds nothing) and refusing past either allowance.
    /// </summary>
    private static long ReadCounted(ZipArchiveEntry entry, long allowance, bool keepText, out string? text, int elementAllowance, out int elements)
    {
        text = null;
        elements = 0;
        try
        {
            using var counting = new CountingStream(entry.Open(), allowance);
            if (elementAllowance >= 0)
                elements = CountElements(counting, elementAllowance);
            if (keepText)
            {
                using var decoder = new StreamReader(counting, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
                text = decoder.ReadToEnd(); // without the byte-order mark Word writes
            }
            counting.CopyTo(Stream.Null); // the rest (if the XML ended early, or was not XML) still counts against the limit
            return counting.Count;
        }
        catch (InvalidDataException)
        {
            throw new MinutesRejectedException(MinutesRejection.Broken, "partDamaged", $"Part '{entry.FullName}' of the document is damaged. Save it again from Word and publish the new copy.", entry.FullName);
        }
    }

    /// <summary>
    /// Counts start tags without parsing: every '&lt;' not followed by '/', '!' or '?'. In well-formed XML that is
    /// exactly the elements (a '&lt;' in text or an attribute must be escaped); a comment or CDATA section can only add
    /// to the count, never hide an element. A vectorized search over a pooled buffer: a small fraction of what the
    /// XmlReader the parse runs afterwards costs.
    /// </summary>
    private static int CountElements(Stream xml, int allowance)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var count = 0;
            var pending = false; // the previous buffer ended with '<'
            int read;
            while ((read = xml.Read(buffer, 0, buffer.Length)) > 0)
            {
                var span = buffer.AsSpan(0, read);
                if (pending && span[0] is not ((byte)'/' or (byte)'!' or (byte)'?')) count++;
                pending = false;
                for (var at = span.IndexOf((byte)'<'); at >= 0; at = span.IndexOf((byte)'<'))
                {
                    if (at + 1 == span.Length) { pending = true; break; }
                    if (span[at + 1] is not ((byte)'/' or (byte)'!' or (byte)'?')) count++;
                    span = span[(at + 1)..];
                }
                if (count > allowance)
                    throw new MinutesRejectedException(MinutesRejection.TooLarge, "tooManyElements",
                        "The document has far more content than any minutes (hundreds of thousands of paragraphs, cells or runs); it is refused. Publish the minutes on their own.");
            }
            return count; // a '<' that ends the part starts nothing
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Counts what is read through it and refuses past an allowance: a zip bomb's bytes are never all unpacked.</summary>
    private sealed class CountingStream(Stream inner, long allowance) : Stream
    {
        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        public long Count { get; private set; }
        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));
        public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

        private int Counted(int read)
        {
            Count += read;
            if (Count > allowance)
                throw new MinutesRejectedException(MinutesRejection.TooLarge, "zipBomb", "The document unpacks to far more data than minutes need; it is refused (a possible zip bomb).");
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static List<Relationship> CheckRelationships(string name, string xml)
    {
        var found = new List<Relationship>();
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read())
                if (reader.NodeType == XmlNodeType.Element && reader.Name == "Relationship")
                    found.Add(new Relationship(reader.GetAttribute("Type") ?? "", reader.GetAttribute("Target") ?? "", reader.GetAttribute("TargetMode") == "External"));
        }
        catch (XmlException)
        {
            throw new MinutesRejectedException(MinutesRejection.Broken, "partDamaged", $"Part '{name}' of the document is damaged.", name);
        }
        if (found.Any(r => r.External && r.Type != Hyperlink))
            throw new MinutesRejectedException(MinutesRejection.Refused, "external",
                "The document loads content from outside itself (a linked template, picture or object). Remove the link, save, and publish again.");
        return found;
    }
}

/// <summary>One relationship of a part, as its .rels file states it.</summary>
internal sealed record Relationship(string Type, string Target, bool External);

/// <summary>A package the guard let through: its bytes, its content types and every part's relationships (by .rels part name).</summary>
internal sealed record CheckedPackage(MemoryStream Bytes, string ContentTypes, IReadOnlyDictionary<string, IReadOnlyList<Relationship>> Relationships) : IDisposable
{
    public void Dispose() => Bytes.Dispose();
}
