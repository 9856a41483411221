namespace CollabAddin.Minutes;

/// <summary>What a minutes document may weigh before it is refused. Far above any real minutes, far below harm.</summary>
public sealed record MinutesLimits
{
    public long MaxDecompressedBytes { get; init; } = 64L * 1024 * 1024;
    public int MaxParts { get; init; } = 500;
    public long MaxCharactersInPart { get; init; } = 32L * 1024 * 1024;
    public int MaxTableRows { get; init; } = 10_000;
    public int MaxTableNesting { get; init; } = 5;
}
