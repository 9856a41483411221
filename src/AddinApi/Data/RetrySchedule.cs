namespace CollabAddin.Api.Data;

/// <summary>The back-off of every outbox (invites, mail, follow-up planning): doubling from a first delay up to a ceiling.</summary>
public static class RetrySchedule
{
    /// <summary>
    /// Why an attempt failed, as an outbox stores it: the innermost cause (the store's or the writer's own words),
    /// without characters nobody types (an XML writer's message quotes the very character it refused) and clipped.
    /// </summary>
    public static string Reason(Exception failure) => Stored($"{failure.GetType().Name}: {failure.GetBaseException().Message}")!;

    /// <summary>Any failure reason as an outbox stores it (Graph's words too): without characters nobody types, clipped to its column.</summary>
    public static string? Stored(string? reason)
    {
        if (reason is null) return null;
        var text = CollabAddin.Minutes.TypedText.Strip(reason);
        return text[..Math.Min(text.Length, CollabModel.GoalLength)];
    }

    public static TimeSpan After(int attempts, TimeSpan first, TimeSpan max) =>
        TimeSpan.FromSeconds(Math.Min(first.TotalSeconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 16)), max.TotalSeconds));
}
