using System.IO.Compression;
using System.Text;
using System.Xml;

namespace CollabAddin.Minutes;

/// <summary>
/// Reads the minutes' body in one forward pass over word/document.xml with an <see cref="XmlReader"/>, keeping only
/// what <see cref="MinutesBody"/> holds: no object per element, nothing of the parts the reader never looks at. It sees
/// the document as <see cref="DomBody"/> does (the differential test holds the two to the same minutes): text as
/// <see cref="CellText"/> joins it, tables as <see cref="WordTable"/> reads them.
/// </summary>
internal sealed class StreamedBody
{
    private const string OfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    private const string StrictOfficeDocument = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";
    private const string Styles = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
    private const string StrictStyles = "http://purl.oclc.org/ooxml/officeDocument/relationships/styles";
    private const string WordMain = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string StrictWordMain = "http://purl.oclc.org/ooxml/wordprocessingml/main";

    /// <summary>Content types of a Word main part the SDK opens (macro-enabled ones never get this far: the guard refused them).</summary>
    private static readonly HashSet<string> MainContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    };

    public static MinutesBody Read(CheckedPackage package, MinutesLimits limits)
    {
        using var zip = new ZipArchive(package.Bytes, ZipArchiveMode.Read, leaveOpen: true);
        var main = Target(package, "", "_rels/.rels", OfficeDocument, StrictOfficeDocument) ?? throw Damaged();
        if (Entry(zip, main) is not { } document || !MainContentTypes.Contains(ContentType(package.ContentTypes, main) ?? ""))
            throw Damaged();
        var folder = main.Contains('/', StringComparison.Ordinal) ? main[..(main.LastIndexOf('/') + 1)] : "";
        var names = new NameTable();
        var styles = HeadingStyles(Target(package, folder, $"{folder}_rels/{main[folder.Length..]}.rels", Styles, StrictStyles) is { } stylesName
            ? Entry(zip, stylesName) : null, limits, names);
        using var stream = document.Open();
        using var reader = XmlReader.Create(stream, Settings(limits, names));
        return new Walk(reader, limits, names).Read(styles);
    }

    /// <summary>What the SDK throws for a package whose parts do not add up; the reader words it as damaged content.</summary>
    private static InvalidDataException Damaged() => new("The package's main document part is missing or of the wrong type.");

    private static XmlReaderSettings Settings(MinutesLimits limits, XmlNameTable names) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = limits.MaxCharactersInPart,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        NameTable = names,
    };

    private static ZipArchiveEntry? Entry(ZipArchive zip, string name)
    {
        if (zip.GetEntry(name) is { } exact) return exact;
        // Part names are case-insensitive (OPC); the zip's are not.
        foreach (var entry in zip.Entries)
            if (string.Equals(entry.FullName, name, StringComparison.OrdinalIgnoreCase))
                return entry;
        return null;
    }

    /// <summary>The part a relationship of the given type points to (as the guard read it), resolved against <paramref name="folder"/>.</summary>
    private static string? Target(CheckedPackage package, string folder, string relationships, string type, string strictType)
    {
        if (!package.Relationships.TryGetValue(relationships, out var all)) return null;
        foreach (var relationship in all)
            if (!relationship.External && (relationship.Type == type || relationship.Type == strictType) && relationship.Target.Length > 0)
                return Resolve(folder, Uri.UnescapeDataString(relationship.Target));
        return null;
    }

    private static string Resolve(string folder, string target)
    {
        var parts = new List<string>();
        foreach (var part in (target.StartsWith('/') ? target : folder + target).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else if (part != ".") parts.Add(part);
        }
        return string.Join('/', parts);
    }

    private static string? ContentType(string contentTypes, string part)
    {
        using var reader = XmlReader.Create(new StringReader(contentTypes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var extension = Path.GetExtension(part).TrimStart('.');
        string? byDefault = null;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (reader.LocalName == "Override" && string.Equals(reader.GetAttribute("PartName")?.TrimStart('/'), part, StringComparison.OrdinalIgnoreCase))
                return reader.GetAttribute("ContentType");
            if (reader.LocalName == "Default" && string.Equals(reader.GetAttribute("Extension"), extension, StringComparison.OrdinalIgnoreCase))
                byDefault = reader.GetAttribute("ContentType");
        }
        return byDefault;
    }

    /// <summary>As <see cref="HandTypedDecisions.HeadingStyles"/>: heading and title styles by name or outline level.</summary>
    private static HashSet<string> HeadingStyles(ZipArchiveEntry? styles, MinutesLimits limits, XmlNameTable names)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Title", "Subtitle" };
        for (var level = 1; level <= 9; level++) ids.Add($"Heading{level}");
        if (styles is null) return ids;
        using var stream = styles.Open();
        using var reader = XmlReader.Create(stream, Settings(limits, names));
        string? id = null, name = null;
        bool inStyle = false, nameSeen = false, propertiesSeen = false, inProperties = false, outline = false;
        while (reader.Read())
        {
            var depth = reader.Depth;
            if (reader.NodeType == XmlNodeType.Element && IsWord(reader.NamespaceURI))
            {
                var empty = reader.IsEmptyElement;
                switch (depth, reader.LocalName)
                {
                    case (1, "style"):
                        (id, name, nameSeen, propertiesSeen, inProperties, outline) = (Val(reader, "styleId"), null, false, false, false, false);
                        inStyle = !empty;
                        if (empty) Add();
                        break;
                    case (2, "name") when inStyle && !nameSeen:
                        nameSeen = true;
                        name = Val(reader, "val");
                        break;
                    case (2, "pPr") when inStyle && !propertiesSeen:
                        propertiesSeen = true; // the SDK reads the first pPr only
                        inProperties = !empty;
                        break;
                    case (3, "outlineLvl") when inProperties:
                        outline = true;
                        break;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement)
            {
                if (depth == 2) inProperties = false;
                else if (depth == 1 && inStyle)
                {
                    inStyle = false;
                    Add();
                }
            }
        }
        return ids;

        void Add()
        {
            var lower = name?.ToLowerInvariant() ?? "";
            if (id is not null && (lower.StartsWith("heading", StringComparison.Ordinal) || lower.StartsWith("title", StringComparison.Ordinal)
                || lower.StartsWith("标题", StringComparison.Ordinal) || outline))
                ids.Add(id);
        }
    }

    private static bool IsWord(string ns) => ns is WordMain or StrictWordMain;

    private static string? Val(XmlReader reader, string name) => reader.GetAttribute(name, WordMain) ?? reader.GetAttribute(name, StrictWordMain);

    /// <summary>The pass over the document part: a stack of the elements open, and the paragraphs, cells and blocks being gathered.</summary>
    private sealed class Walk(XmlReader reader, MinutesLimits limits, XmlNameTable names)
    {
        // The reader's names are atoms of this table: the namespace is compared by reference, not character by character.
        private readonly string _word = names.Add(WordMain);
        private readonly string _strictWord = names.Add(StrictWordMain);
        private readonly char[] _chunk = new char[1024];

        /// <summary>The element names the walk acts on, by their atoms: one lookup by reference per element.</summary>
        private enum Name : byte
        {
            Other, Body, Del, MoveFrom, R, P, Tbl, Tc, T, Tab, Br, Cr, NoBreakHyphen, Sdt, SdtPr, SdtContent, CustomXml, PPr, PStyle, OutlineLvl, NumPr, Ilvl, TblPr, TblCaption, Tr, TrPr, TblHeader, TcPr, GridSpan, VMerge, Tag,
        }

        private readonly Dictionary<object, Name> _names = Atoms(names);

        private static Dictionary<object, Name> Atoms(XmlNameTable names)
        {
            var atoms = new Dictionary<object, Name>(ReferenceEqualityComparer.Instance);
            foreach (var name in Enum.GetValues<Name>())
                if (name != Name.Other)
                    atoms[names.Add(char.ToLowerInvariant(name.ToString()[0]) + name.ToString()[1..])] = name;
            return atoms;
        }

        private enum Kind : byte
        {
            Other, Body, Top, BlockSdt, BlockSdtProperties, Paragraph, ParagraphProperties, Numbering, Run, Text, Skipped,
            Table, TableProperties, Row, RowProperties, RowSdt, RowSdtProperties, RowContent, Cell, CellProperties, CellContent, Container,
        }

        /// <summary>An open element. <see cref="Tag"/>: a content control's tag (a row's is inherited); <see cref="Seen"/>: its first properties were read.</summary>
        private struct Frame
        {
            public Kind Kind;
            public string? Tag;
            public bool Seen;
            /// <summary>A block content control of ours (notes, an agenda item's decisions, the next meeting), read as one text.</summary>
            public bool Unit;
            /// <summary>A row content control's own tag was read (it replaces the inherited one).</summary>
            public bool TagRead;
        }

        /// <summary>
        /// A paragraph being read: its text, how many deletions were open when it started (text inside a newer one is not
        /// its), and the cell or block whose line it is, with the line's place there.
        /// </summary>
        private sealed class OpenParagraph
        {
            public readonly StringBuilder Text = new();
            public int Deletions;
            public Lines? Owner;
            public int Slot;
            public bool Top;
            public string? Style;
            public bool Outline;
            public int ListLevel;
            public bool PropertiesSeen;
            public bool NumberingSeen;
            public bool LevelSeen;
        }

        /// <summary>
        /// A table cell or one of our tagged blocks: the lines of the paragraphs that are its own, in the order the
        /// paragraphs begin (a text box's paragraph ends before the paragraph holding it, and comes after it).
        /// </summary>
        private sealed class Lines
        {
            public readonly List<string> Slots = [];
            public bool Read;
            public int Span = 1;
            public bool Continues;
            public bool PropertiesSeen;
            public bool SpanSeen;
            public bool MergeSeen;

            public string Text() => Slots.Count switch
            {
                0 => "",
                1 => Slots[0],
                _ => string.Join("\n", Slots.Where(l => l.Length > 0)),
            };
        }

        /// <summary>A top-level table being read, with the row in progress.</summary>
        private sealed class OpenTable
        {
            public string? Caption;
            public bool PropertiesSeen;
            public bool CaptionSeen;
            public readonly List<GridRow> Rows = [];
            public readonly List<string> Above = [];
            public bool TooMany;
            public int Number;
            public readonly List<string> Cells = [];
            public string? RowTag;
            public bool Header;
            public bool RowPropertiesSeen;
        }

        private readonly List<Frame> _stack = new(64);
        private readonly List<OpenParagraph> _paragraphs = [];
        private readonly List<OpenParagraph> _spareParagraphs = [];
        private readonly List<Lines> _containers = [];
        private readonly List<Lines> _spareContainers = [];
        private readonly List<MinutesBlock> _blocks = [];
        private OpenTable? _table;
        private int _tables, _depth, _deletions;
        private bool _bodySeen, _rootSeen;

        public MinutesBody Read(IReadOnlySet<string> headingStyles)
        {
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        var empty = reader.IsEmptyElement;
                        Start();
                        if (empty) End();
                        break;
                    case XmlNodeType.EndElement:
                        End();
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                        if (_stack.Count > 0 && _stack[^1].Kind == Kind.Text) AppendValue();
                        break;
                }
            }
            if (!_bodySeen)
                throw new MinutesRejectedException(MinutesRejection.NotADocument, "noBody", "This package has no Word document body; it is not a .docx with minutes.");
            return new MinutesBody(_blocks, headingStyles, _depth);
        }

        private Kind Parent => _stack.Count == 0 ? Kind.Other : _stack[^1].Kind;

        private void Start()
        {
            var ns = reader.NamespaceURI;
            var word = ReferenceEquals(ns, _word) || ReferenceEquals(ns, _strictWord);
            var name = reader.LocalName;
            var parent = Parent;
            var kind = Kind.Other;
            if (!_rootSeen)
            {
                _rootSeen = true;
                if (!word || name != "document") throw new InvalidDataException("The main part's root is not a Word document.");
            }
            else if (word)
                kind = Classify(_names.GetValueOrDefault(name), parent);
            _stack.Add(new Frame { Kind = kind, Tag = kind == Kind.RowSdt ? RowTag() : null });
        }

        private Kind Classify(Name name, Kind parent)
        {
            switch (name)
            {
                case Name.Body when _stack.Count == 1 && !_bodySeen:
                    _bodySeen = true;
                    return Kind.Body;
                case Name.Del or Name.MoveFrom:
                    _deletions++;
                    return Kind.Skipped;
                case Name.R:
                    return Kind.Run;
                case Name.P:
                    BeginParagraph(top: parent is Kind.Body or Kind.Top);
                    return Kind.Paragraph;
                case Name.Tbl:
                    _tables++;
                    _depth = Math.Max(_depth, _tables);
                    if (parent is Kind.Body or Kind.Top) _table = new OpenTable();
                    return Kind.Table;
                case Name.Tc:
                    var cell = Rent(_spareContainers);
                    cell.Read = parent is Kind.Row or Kind.CellContent; // such frames exist only in the table being read
                    _containers.Add(cell);
                    return Kind.Cell;
            }
            return parent switch
            {
                Kind.Body or Kind.Top => name switch
                {
                    Name.Sdt => Kind.BlockSdt,
                    Name.CustomXml => Kind.Top,
                    _ => Kind.Other,
                },
                Kind.BlockSdt => BlockSdtChild(name),
                Kind.BlockSdtProperties => BlockTag(name),
                Kind.Paragraph when name == Name.PPr => ParagraphProperties(),
                Kind.ParagraphProperties => ParagraphProperty(name),
                Kind.Numbering when name == Name.Ilvl => ListLevel(),
                Kind.Run => name switch
                {
                    Name.T => Kind.Text,
                    Name.Tab or Name.Br or Name.Cr => Character(' '),
                    Name.NoBreakHyphen => Character('-'),
                    _ => Kind.Other,
                },
                Kind.Table when _table is not null && _stack.Count > 1 && _stack[^2].Kind is Kind.Body or Kind.Top => TableChild(name),
                Kind.TableProperties when name == Name.TblCaption && _table is { CaptionSeen: false } => Caption(),
                Kind.RowContent => TableChild(name),
                Kind.RowSdt => name switch { Name.SdtPr => RowSdtProperties(), Name.SdtContent => Kind.RowContent, _ => Kind.Other },
                Kind.RowSdtProperties when name == Name.Tag => RowSdtTag(),
                Kind.Row => RowChild(name),
                Kind.RowProperties when name == Name.TblHeader => Header(),
                Kind.CellContent => RowChild(name),
                Kind.Cell when name == Name.TcPr => CellProperties(),
                Kind.CellProperties => CellProperty(name),
                _ => Kind.Other,
            };
        }

        private void End()
        {
            var frame = _stack[^1];
            _stack.RemoveAt(_stack.Count - 1);
            switch (frame.Kind)
            {
                case Kind.Skipped: _deletions--; break;
                case Kind.Paragraph: CloseParagraph(); break;
                case Kind.Cell: CloseCell(); break;
                case Kind.Row: CloseRow(); break;
                case Kind.Table:
                    _tables--;
                    if (_table is not null && (Parent is Kind.Body or Kind.Top))
                    {
                        _blocks.Add(new TableBlock(_table.Caption, _table.Rows, _table.TooMany));
                        _table = null;
                    }
                    break;
                case Kind.BlockSdt when frame.Unit:
                    var unit = _containers[^1];
                    _containers.RemoveAt(_containers.Count - 1);
                    _blocks.Add(new TaggedBlock(frame.Tag, unit.Text()));
                    Return(_spareContainers, unit);
                    break;
            }
        }

        private static T Rent<T>(List<T> spare) where T : new()
        {
            if (spare.Count == 0) return new T();
            var item = spare[^1];
            spare.RemoveAt(spare.Count - 1);
            return item;
        }

        private static void Return(List<Lines> spare, Lines lines)
        {
            lines.Slots.Clear();
            lines.Read = false;
            lines.Span = 1;
            lines.Continues = lines.PropertiesSeen = lines.SpanSeen = lines.MergeSeen = false;
            spare.Add(lines);
        }

        // Content controls at the top: ours (notes, an agenda item's decisions, the next meeting) are one block of text;
        // any other is looked through. The tag comes first, in the control's properties.

        private Kind BlockSdtChild(Name name)
        {
            ref var sdt = ref Top(Kind.BlockSdt);
            switch (name)
            {
                case Name.SdtPr when !sdt.Seen:
                    sdt.Seen = true;
                    return Kind.BlockSdtProperties;
                case Name.SdtContent:
                    if (MinutesTags.IsBlock(sdt.Tag))
                    {
                        if (!sdt.Unit) _containers.Add(Rent(_spareContainers));
                        sdt.Unit = true;
                        return Kind.Container;
                    }
                    return Kind.Top;
                default: return Kind.Other;
            }
        }

        private Kind BlockTag(Name name)
        {
            ref var sdt = ref Below(Kind.BlockSdt);
            if (name == Name.Tag && sdt.Tag is null && !sdt.Unit)
            {
                sdt.Tag = Val(reader, "val");
                if (MinutesTags.IsBlock(sdt.Tag))
                {
                    // A tagged control with no content is still read (as empty), so it is a block from here on.
                    _containers.Add(Rent(_spareContainers));
                    sdt.Unit = true;
                }
            }
            return Kind.Other;
        }

        private ref Frame Top(Kind kind)
        {
            ref var frame = ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_stack)[^1];
            return ref frame.Kind == kind ? ref frame : ref Fail();
        }

        private ref Frame Below(Kind kind)
        {
            ref var frame = ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_stack)[^2];
            return ref frame.Kind == kind ? ref frame : ref Fail();
        }

        private static ref Frame Fail() => throw new InvalidOperationException("The element stack is out of step.");

        // Paragraphs: text goes to every paragraph open (a text box's paragraph is also its host paragraph's text, as
        // CellText reads it), unless a deletion opened since that paragraph began.

        private void BeginParagraph(bool top)
        {
            var paragraph = Rent(_spareParagraphs);
            paragraph.Deletions = _deletions;
            paragraph.Top = top && _containers.Count == 0;
            if (!paragraph.Top && _containers.Count > 0)
            {
                paragraph.Owner = _containers[^1];
                paragraph.Slot = paragraph.Owner.Slots.Count;
                paragraph.Owner.Slots.Add("");
            }
            _paragraphs.Add(paragraph);
        }

        /// <summary>The text node's characters, copied in chunks: no string is made for them.</summary>
        private void AppendValue()
        {
            int read;
            while ((read = reader.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
                foreach (var paragraph in _paragraphs)
                    if (paragraph.Deletions == _deletions)
                        paragraph.Text.Append(_chunk, 0, read);
        }

        private Kind Character(char c)
        {
            foreach (var paragraph in _paragraphs)
                if (paragraph.Deletions == _deletions)
                    paragraph.Text.Append(c);
            return Kind.Other;
        }

        private void CloseParagraph()
        {
            var paragraph = _paragraphs[^1];
            _paragraphs.RemoveAt(_paragraphs.Count - 1);
            var line = paragraph.Text.ToString().Trim();
            if (paragraph.Owner is { } owner) owner.Slots[paragraph.Slot] = line;
            else if (paragraph.Top) _blocks.Add(new ParagraphBlock(line, paragraph.Style, paragraph.Outline, paragraph.ListLevel));
            paragraph.Text.Clear();
            paragraph.Owner = null;
            paragraph.Style = null;
            paragraph.Outline = paragraph.PropertiesSeen = paragraph.NumberingSeen = paragraph.LevelSeen = false;
            paragraph.ListLevel = 0;
            _spareParagraphs.Add(paragraph);
        }

        private Kind ParagraphProperties()
        {
            var paragraph = _paragraphs[^1];
            if (paragraph.PropertiesSeen) return Kind.Other; // the SDK reads the first pPr only
            paragraph.PropertiesSeen = true;
            return Kind.ParagraphProperties;
        }

        private Kind ParagraphProperty(Name name)
        {
            var paragraph = _paragraphs[^1];
            switch (name)
            {
                case Name.PStyle when paragraph.Style is null:
                    paragraph.Style = Val(reader, "val");
                    break;
                case Name.OutlineLvl:
                    paragraph.Outline = true;
                    break;
                case Name.NumPr when !paragraph.NumberingSeen:
                    paragraph.NumberingSeen = true;
                    return Kind.Numbering;
            }
            return Kind.Other;
        }

        private Kind ListLevel()
        {
            var paragraph = _paragraphs[^1];
            if (!paragraph.LevelSeen)
            {
                paragraph.LevelSeen = true;
                paragraph.ListLevel = int.TryParse(Val(reader, "val"), out var level) ? level : 0;
            }
            return Kind.Other;
        }

        // Tables: only a top-level table's rows are read (Row, RowSdt, RowContent, CellContent frames exist only there);
        // every cell, at any depth, keeps its paragraphs to itself.

        private Kind TableChild(Name name)
        {
            switch (name)
            {
                case Name.TblPr when _table is { PropertiesSeen: false } && Parent == Kind.Table:
                    _table.PropertiesSeen = true;
                    return Kind.TableProperties;
                case Name.Tr:
                    var table = _table!;
                    table.Cells.Clear();
                    table.RowTag = RowTag();
                    table.Header = false;
                    table.RowPropertiesSeen = false;
                    return Kind.Row;
                case Name.Sdt: return Kind.RowSdt;
                case Name.CustomXml: return Kind.RowContent;
                default: return Kind.Other;
            }
        }

        private Kind Caption()
        {
            _table!.CaptionSeen = true;
            _table.Caption = Val(reader, "val");
            return Kind.Other;
        }

        /// <summary>The tag of the innermost row content control around here that has one.</summary>
        private string? RowTag()
        {
            for (var i = _stack.Count - 1; i >= 0 && _stack[i].Kind is Kind.RowSdt or Kind.RowContent or Kind.RowSdtProperties; i--)
                if (_stack[i].Kind == Kind.RowSdt && _stack[i].Tag is { } tag)
                    return tag;
            return null;
        }

        private Kind RowSdtProperties()
        {
            ref var sdt = ref Top(Kind.RowSdt);
            if (sdt.Seen) return Kind.Other;
            sdt.Seen = true;
            return Kind.RowSdtProperties;
        }

        private Kind RowSdtTag()
        {
            ref var sdt = ref Below(Kind.RowSdt);
            if (!sdt.TagRead)
            {
                sdt.TagRead = true;
                sdt.Tag = Val(reader, "val") ?? sdt.Tag;
            }
            return Kind.Other;
        }

        private Kind RowChild(Name name)
        {
            switch (name)
            {
                case Name.TrPr when Parent == Kind.Row && _table is { RowPropertiesSeen: false }:
                    _table.RowPropertiesSeen = true;
                    return Kind.RowProperties;
                case Name.Sdt or Name.CustomXml: return Kind.CellContent;
                case Name.SdtContent when Parent == Kind.CellContent: return Kind.CellContent;
                default: return Kind.Other;
            }
        }

        private Kind Header()
        {
            _table!.Header = true;
            return Kind.Other;
        }

        private void CloseRow()
        {
            var table = _table!;
            if (table.TooMany) return;
            if (++table.Number > limits.MaxTableRows)
            {
                table.TooMany = true;
                return;
            }
            table.Rows.Add(new GridRow(table.Number, table.RowTag, table.Cells.ToArray(), table.Header));
        }

        private Kind CellProperties()
        {
            var cell = _containers[^1];
            if (cell.PropertiesSeen) return Kind.Other;
            cell.PropertiesSeen = true;
            return Kind.CellProperties;
        }

        private Kind CellProperty(Name name)
        {
            var cell = _containers[^1];
            switch (name)
            {
                case Name.GridSpan when !cell.SpanSeen:
                    cell.SpanSeen = true;
                    cell.Span = int.TryParse(Val(reader, "val"), out var span) ? Math.Min(span, WordTable.MaxSpan) : 1;
                    break;
                case Name.VMerge when !cell.MergeSeen:
                    cell.MergeSeen = true;
                    cell.Continues = Val(reader, "val") is null or "continue";
                    break;
            }
            return Kind.Other;
        }

        private void CloseCell()
        {
            var cell = _containers[^1];
            _containers.RemoveAt(_containers.Count - 1);
            if (cell.Read && _table is { TooMany: false } table)
            {
                var column = table.Cells.Count;
                var text = cell.Continues ? column < table.Above.Count ? table.Above[column] : "" : cell.Text();
                while (table.Above.Count <= column) table.Above.Add("");
                table.Above[column] = text;
                table.Cells.Add(text);
                for (var i = 1; i < cell.Span; i++) table.Cells.Add("");
            }
            Return(_spareContainers, cell);
        }
    }
}
