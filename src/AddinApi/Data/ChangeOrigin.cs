using CollabAddin.Api.ActionItems;

namespace CollabAddin.Api.Data;

/// <summary>Who is making the changes being saved, and through which door. History rows are stamped with it.</summary>
public sealed record ChangeOrigin(string Email, string Name, ChangeSource Source)
{
    public static ChangeOrigin System { get; } = new("system", "CollabAddin", ChangeSource.System);
}
