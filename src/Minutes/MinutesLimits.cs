namespace CollabAddin.Minutes;

/// <summary>What a minutes document may weigh before it is refused. Far above any real minutes, far below harm.</summary>
public sealed record MinutesLimits
{
    public long MaxDecompressedBytes { get; init; } = 64L * 1024 * 1024;
    public int MaxParts { get; init; } = 500;
    public long MaxCharactersInPart { get; init; } = 32L * 1024 * 1024;
    public int MaxTableRows { get; init; } = 10_000;
    public int MaxTableNesting { get; init; } = 5;
    /// <summary>
    /// XML elements across the document's parts. Real minutes have a few thousand (a 30-page, 300-row document about
    /// 60,000); each element costs the OpenXML object model about a kilobyte, so 31 million characters of empty
    /// paragraphs — inside the byte limits — would cost gigabytes. Counted while unpacking, before any parsing.
    /// </summary>
    public int MaxElements { get; init; } = 200_000;
}
