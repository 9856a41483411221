using System.Text.RegularExpressions;

namespace CollabAddin.Minutes;

/// <summary>
/// Resolves an owner as people write it — display name, email, "@name", or "Name &lt;email&gt;" — against the
/// meeting's attendees. Unknown or ambiguous names are not guessed: the caller turns them into a warning.
/// </summary>
public sealed partial class People(IReadOnlyList<ResolvedPerson> attendees)
{
    public enum Match { Found, Unknown, Ambiguous, Empty }

    public (Match Result, ResolvedPerson? Person) Resolve(string text)
    {
        var t = Regex.Replace(text.Trim(), @"\s+", " ");
        if (t.Length == 0) return (Match.Empty, null);
        var angle = AngleEmail().Match(t);
        if (angle.Success) t = angle.Groups["email"].Value;
        if (t.Contains('@') && !t.StartsWith('@'))
        {
            var byEmail = attendees.FirstOrDefault(a => string.Equals(a.Email, t, StringComparison.OrdinalIgnoreCase));
            return byEmail is null ? (Match.Unknown, null) : (Match.Found, byEmail);
        }
        var name = t.TrimStart('@');
        var candidates = attendees.Where(a => Same(a.DisplayName, name)).ToList();
        if (candidates.Count == 0 && t.StartsWith('@'))
            candidates = attendees.Where(a => string.Equals(a.Email.Split('@')[0], name, StringComparison.OrdinalIgnoreCase)
                || Same(a.DisplayName.Replace(" ", ""), name.Replace(" ", ""))).ToList();
        return candidates.Count switch
        {
            1 => (Match.Found, candidates[0]),
            0 => (Match.Unknown, null),
            _ => (Match.Ambiguous, null),
        };
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"<(?<email>[^<>\s]+@[^<>\s]+)>")] private static partial Regex AngleEmail();
}
