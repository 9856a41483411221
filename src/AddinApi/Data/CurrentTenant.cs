namespace CollabAddin.Api.Data;

/// <summary>
/// The tenant every query of this request is confined to. Set once from the validated token's <c>tid</c>;
/// while it is unset the tenant filter matches nothing, so forgetting to set it fails closed.
/// </summary>
public sealed class CurrentTenant
{
    public string? Id { get; set; }
}
