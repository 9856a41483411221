using Microsoft.Net.Http.Headers;

namespace CollabAddin.Api.Http;

/// <summary>Strong ETags over an entity's version number, and the If-Match check.</summary>
public static class ETags
{
    public static string For(int version) => $"\"{version}\"";

    public enum Precondition { Missing, Wildcard, Matches, Stale }

    /// <summary>
    /// If-Match with a list of strong ETags (RFC 9110). "*" is refused: it would let a client overwrite
    /// changes it has never seen, which is exactly what If-Match is here to prevent.
    /// </summary>
    public static Precondition Check(HttpRequest request, int currentVersion)
    {
        var header = request.Headers.IfMatch;
        if (header.Count == 0 || string.IsNullOrWhiteSpace(header.ToString()))
            return Precondition.Missing;
        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
            return Precondition.Stale;
        if (tags.Any(t => t == EntityTagHeaderValue.Any))
            return Precondition.Wildcard;
        var current = new EntityTagHeaderValue(For(currentVersion));
        return tags.Any(t => t.Compare(current, useStrongComparison: true)) ? Precondition.Matches : Precondition.Stale;
    }
}
