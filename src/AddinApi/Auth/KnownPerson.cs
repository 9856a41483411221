namespace CollabAddin.Api.Auth;

/// <summary>
/// A person of a tenant as their tokens showed them: the immutable object id (<c>oid</c>) with the email and name they
/// last signed in with. It is how rows written for an email (an invite, a minutes row) are bound to the one account
/// that owns them: a later account given the same email, or the same person renamed, is told apart by the oid.
/// </summary>
public sealed class KnownPerson
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string TenantId { get; set; }
    public required string ObjectId { get; set; }
    public required string Email { get; set; }
    public required string Name { get; set; }
    public DateTime LastSeenAt { get; set; }
}
