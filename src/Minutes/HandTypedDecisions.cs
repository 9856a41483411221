using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CollabAddin.Minutes;

/// <summary>
/// How people write decisions when they type minutes themselves: a heading ("Decisions", "会议决议", "一、决议",
/// "决定事项：") followed by a numbered or bulleted list, one paragraph per decision, or a table. Also a single line
/// "决议：…" / "Decision: …". Everything under the heading up to the next heading (or the next table, or the next
/// part of the minutes) is a decision; a section nothing could be read from is a warning, so a decision is never
/// lost silently.
/// </summary>
internal static partial class HandTypedDecisions
{
    /// <summary>Heading words, compared after the numbering ("一、", "2.", "（三）") and a trailing colon are taken off.</summary>
    private static readonly HashSet<string> HeadingWords = new(StringComparer.Ordinal)
    {
        "decisions", "decision", "decisions made", "decisions taken", "resolutions", "agreed",
        "决议", "会议决议", "决定事项", "决议事项", "决定", "会议决定", "决策", "决策事项", "会议决策", "议定事项",
    };

    /// <summary>What people write under the heading when there was none: the section is answered, not unread.</summary>
    private static readonly HashSet<string> NoneWords = new(StringComparer.Ordinal)
    {
        "none", "n/a", "na", "nil", "no decisions", "-", "—", "无", "暂无", "没有", "无决议", "本次会议无决议",
    };

    /// <summary>Other parts of the minutes: a paragraph that says only one of these ends the decisions.</summary>
    private static readonly HashSet<string> OtherParts = new(StringComparer.Ordinal)
    {
        "action items", "actions", "action points", "next steps", "to do", "todo", "attendance", "attendees", "next meeting", "agenda", "notes",
        "discussion", "summary", "行动项", "待办事项", "后续行动", "下一步", "出席情况", "参会人员", "出席人员", "下次会议", "议程", "会议议程", "记录",
        "会议记录", "讨论", "讨论内容", "备注", "会议纪要",
    };

    /// <summary>Style ids of the document's heading and title styles, by name or outline level, so any producer's headings count.</summary>
    public static IReadOnlySet<string> HeadingStyles(MainDocumentPart part)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Title", "Subtitle" };
        for (var level = 1; level <= 9; level++) ids.Add($"Heading{level.ToString(CultureInfo.InvariantCulture)}");
        foreach (var style in part.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
        {
            var name = style.StyleName?.Val?.Value?.ToLowerInvariant() ?? "";
            if (style.StyleId?.Value is { } id && (name.StartsWith("heading", StringComparison.Ordinal) || name.StartsWith("title", StringComparison.Ordinal)
                || name.StartsWith("标题", StringComparison.Ordinal) || style.StyleParagraphProperties?.OutlineLevel is not null))
                ids.Add(id);
        }
        return ids;
    }

    public enum Kind { Heading, Inline, OtherHeading, Text }

    /// <summary>What a paragraph is, for the decisions: their heading, one inline decision, another heading, or text.</summary>
    public static (Kind Kind, string Text) Classify(ParagraphBlock paragraph, string text, IReadOnlySet<string> headingStyles)
    {
        var words = Words(Numbering().Replace(text, ""));
        if (HeadingWords.Contains(words)) return (Kind.Heading, "");
        var inline = Inline().Match(text);
        if (inline.Success && HeadingWords.Contains(Words(Numbering().Replace(inline.Groups["label"].Value, "")))) return (Kind.Inline, inline.Groups["text"].Value.Trim());
        var style = paragraph.StyleId;
        var heading = style is not null && headingStyles.Contains(style) || paragraph.OutlineLevel
            || ChineseNumberedHeading().IsMatch(text) || OtherParts.Contains(words);
        return (heading ? Kind.OtherHeading : Kind.Text, text);
    }

    public static bool IsNone(string text) => NoneWords.Contains(Words(text).TrimEnd('.', '。'));

    /// <summary>The decision without the list marker typed in front of it ("1.", "（2）", "•", "①").</summary>
    public static string WithoutMarker(string text) => ListMarker().Replace(text, "").Trim();

    /// <summary>A sub-item of a Word list (level 2 and deeper): it explains the decision above it, it is not one of its own.</summary>
    public static bool IsSubItem(ParagraphBlock paragraph) => paragraph.ListLevel > 0;

    /// <summary>"（负责人：王芳）" / "(owner: Bob Li)" written in the decision, as people often do.</summary>
    public static string? OwnerIn(string text) => OwnerNote().Match(text) is { Success: true } m ? m.Groups["who"].Value.Trim() : null;

    private static string Words(string text) => Regex.Replace(text.Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant(), @"\s+", " ").Trim().TrimEnd(':', '：').Trim();

    [GeneratedRegex(@"^\s*(第?[一二三四五六七八九十]+[、.．章节部分]\s*|[（(][一二三四五六七八九十\d]+[)）]\s*|\d{1,2}(\.\d{1,2})*[.、．)]?\s+|\d{1,2}[.、．)](?!\d)\s*|[ivx]+[.)]\s+|[IVX]+[.)]\s+)")]
    private static partial Regex Numbering();

    [GeneratedRegex(@"^\s*(?<label>[^:：]{1,20})[:：]\s*(?<text>\S.*)$", RegexOptions.Singleline)]
    private static partial Regex Inline();

    [GeneratedRegex(@"^\s*[一二三四五六七八九十]+[、.．]\s*\S")]
    private static partial Regex ChineseNumberedHeading();

    [GeneratedRegex(@"^\s*([-–—•·●○▪■◆◇*]\s*|\d{1,2}[.、．)）](?!\d)\s*|[（(]\d{1,2}[)）]\s*|[①-⑳]\s*|[a-z][.)]\s+)")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"[（(]\s*(负责人|责任人|owner|responsible)\s*[:：]?\s*(?<who>[^）)，,;；]+)[^）)]*[)）]", RegexOptions.IgnoreCase)]
    private static partial Regex OwnerNote();
}

public static partial class MinutesReader
{
    private sealed partial class Reading
    {
        /// <summary>A "Decisions" heading seen and its section not yet ended.</summary>
        private sealed class DecisionSection(int number)
        {
            public int Number { get; } = number;
            public int Found { get; set; }
            public bool Table { get; set; }
            public bool None { get; set; }
            /// <summary>Text under the heading that was not read as a decision (only markers, say).</summary>
            public bool Unread { get; set; }
        }

        private DecisionSection? _section;
        private int _decisionSections;

        private void ReadParagraph(ParagraphBlock paragraph)
        {
            var raw = paragraph.Line;
            if (raw.Length == 0) return;
            var (kind, text) = HandTypedDecisions.Classify(paragraph, raw, headingStyles);
            switch (kind)
            {
                case HandTypedDecisions.Kind.Heading:
                    EndDecisionSection();
                    _section = new DecisionSection(++_decisionSections);
                    return;
                case HandTypedDecisions.Kind.Inline:
                    EndDecisionSection();
                    _section = new DecisionSection(++_decisionSections);
                    AddListedDecision(paragraph, text);
                    EndDecisionSection();
                    return;
                case HandTypedDecisions.Kind.OtherHeading:
                    EndDecisionSection();
                    return;
                default:
                    if (_section is not null) AddListedDecision(paragraph, text);
                    return;
            }
        }

        private void AddListedDecision(ParagraphBlock paragraph, string raw)
        {
            var section = _section!;
            if (HandTypedDecisions.IsNone(raw)) { section.None = true; return; }
            var listed = _decisions.Where(d => d.Location.Part == MinutesPart.DecisionList && d.Location.Number == section.Number).ToList();
            var at = new RowLocation(MinutesPart.DecisionList, listed.Count + 1, section.Number);
            var text = Typed(HandTypedDecisions.WithoutMarker(raw), at, null);
            if (text.Length == 0) { section.Unread = true; return; }
            if (HandTypedDecisions.IsSubItem(paragraph) && listed.Count > 0)
            {
                var last = listed[^1];
                _decisions[_decisions.IndexOf(last)] = last with { Text = $"{last.Text}\n{text}" };
                return;
            }
            _decisions.Add(new DecisionRow(at, null, text, OwnerWrittenIn(text, at), null));
            section.Found++;
        }

        private void EndDecisionSection()
        {
            if (_section is { Found: 0, Table: false, None: false } ended)
                Warn(new RowLocation(MinutesPart.DecisionList, 0, ended.Number), null, ended.Unread ? "decisionsUnread" : "decisionsEmpty", [],
                    ended.Unread
                        ? "There is a decisions section here, but no decision could be read from it. Write each decision as its own line or list item under the heading."
                        : "There is a decisions section here with nothing under it. Write each decision as its own line or list item, or \u201cnone\u201d if none was taken.");
            _section = null;
        }

        /// <summary>An owner named inside the decision's text; one that is not an attendee is a warning, as in a table.</summary>
        private ResolvedPerson? OwnerWrittenIn(string text, RowLocation at) =>
            HandTypedDecisions.OwnerIn(text) is { } who ? ResolveOwner(who, at, "owner", required: false) : null;

        private DateOnly? DecisionDue(string text, RowLocation at)
        {
            if (text.Length == 0) return null;
            if (TryDate(text, out var due)) return due;
            Warn(at, "due", "badDueDate", [text], $"'{text}' is not a date we can read. Write it like 2026-12-01, 12月1日 or next Friday.");
            return null;
        }

        /// <summary>The column of a decisions table that holds the decision when its header does not say "decision": the first one that is not a number.</summary>
        private static int? TextColumn(GridRow header)
        {
            for (var i = 0; i < header.Cells.Length; i++)
                if (HeaderWord(header.Cells[i]) is not ("" or "no" or "no." or "#" or "序号" or "编号" or "nr"))
                    return i;
            return null;
        }
    }
}
