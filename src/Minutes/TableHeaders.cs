using System.Text.RegularExpressions;

namespace CollabAddin.Minutes;

/// <summary>
/// Hand-typed tables are read by their header row's words, in either language, in any order, with extra columns
/// ignored: the one matcher for the minutes' tables and the project forms'.
/// </summary>
internal static partial class TableHeaders
{
    /// <summary>Which column means what, from the header row's words; exact words win over partial ones.</summary>
    public static Dictionary<string, int> Columns(GridRow header, IReadOnlyDictionary<string, string[]> meanings)
    {
        var map = new Dictionary<string, int>();
        for (var pass = 0; pass < 2; pass++)
            for (var i = 0; i < header.Cells.Length; i++)
            {
                var text = Word(header.Cells[i]);
                if (text.Length == 0 || map.ContainsValue(i)) continue;
                foreach (var (key, words) in meanings)
                    if (!map.ContainsKey(key) && words.Any(w => pass == 0 ? text == w : text.StartsWith(w, StringComparison.Ordinal) || text.Contains(w, StringComparison.Ordinal) && w.Length > 2))
                    {
                        map[key] = i;
                        break;
                    }
            }
        return map;
    }

    /// <summary>A header cell as compared: width-folded, lower-case, without punctuation around the words.</summary>
    public static string Word(string text) => Separators().Replace(text.Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant(), " ").Trim();

    [GeneratedRegex(@"[\s:：*（）()\[\]]+")]
    private static partial Regex Separators();
}
