namespace CollabAddin.Api.Auth;

/// <summary>
/// One entry of MSAL's token cache kept in the store when several API instances share it (<see cref="StoreTokenCache"/>).
/// The value is encrypted by Identity.Web with the data-protection keys (kept in the same store) before it gets here.
/// Not tenant-filtered: the key already names tenant and account, and only the token cache reads it.
/// </summary>
public sealed class TokenCacheEntry
{
    public const int KeyLength = 400;

    public required string Key { get; set; }
    public required byte[] Value { get; set; }
    /// <summary>When the entry is gone: the sliding window from the last read, capped by the absolute expiry.</summary>
    public DateTime ExpiresAt { get; set; }
    public long? SlidingSeconds { get; set; }
    public DateTime? AbsoluteExpiresAt { get; set; }
}
