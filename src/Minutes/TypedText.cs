using System.Buffers;
using System.Text;

namespace CollabAddin.Minutes;

/// <summary>
/// The characters people type. C0 controls other than tab, line feed and carriage return, DEL, lone surrogates and
/// the non-characters U+FFFE/U+FFFF are never typed on purpose, and most of them cannot live in XML at all: one stored
/// in a subject once made every .docx that carried it throw, and with it the mail of every tenant. The API refuses
/// them on the way in (<see cref="FirstForbidden"/>); every writer strips them on the way out (<see cref="Strip"/>),
/// so what is already stored can never break a document.
/// </summary>
public static class TypedText
{
    /// <summary>Every character <see cref="FirstForbidden"/> may object to; a surrogate is fine when paired.</summary>
    private static readonly SearchValues<char> Suspects = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c), '\u007f', '\ufffe', '\uffff',
         .. Enumerable.Range(0xD800, 0x800).Select(c => (char)c)]);

    /// <summary>The index of the first character nobody types, or -1 when there is none.</summary>
    public static int FirstForbidden(ReadOnlySpan<char> text)
    {
        // Almost all text has none of them: one vectorized search says so, and only a hit is looked at char by char.
        var start = text.IndexOfAny(Suspects);
        if (start < 0) return -1;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' ? c is not ('\t' or '\n' or '\r') : c == '\u007f' || c >= '\ufffe')
                return i;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
                else return i;
            }
            else if (char.IsLowSurrogate(c))
                return i;
        }
        return -1;
    }

    public static bool IsClean(string? text) => text is null || FirstForbidden(text) < 0;

    /// <summary>The text without the characters nobody types; the same instance when it had none.</summary>
    public static string Strip(string? text)
    {
        if (text is null) return "";
        var bad = FirstForbidden(text);
        if (bad < 0) return text;
        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, bad);
        var rest = text.AsSpan(bad + 1);
        while (true)
        {
            var next = FirstForbidden(rest);
            if (next < 0) { clean.Append(rest); break; }
            clean.Append(rest[..next]);
            rest = rest[(next + 1)..];
        }
        return clean.ToString();
    }
}
