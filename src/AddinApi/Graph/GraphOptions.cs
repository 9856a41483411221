namespace CollabAddin.Api.Graph;

public enum GraphMode
{
    /// <summary>The real Microsoft Graph, acting for the signed-in organizer (on-behalf-of).</summary>
    Graph,
    /// <summary>The local Graph emulator: offline runs and tests. The client is the same Graph SDK.</summary>
    Emulator,
}

/// <summary>Section <c>Graph</c>.</summary>
public sealed class GraphOptions
{
    public GraphMode Mode { get; set; } = GraphMode.Graph;
    /// <summary>Graph's root; the China (21Vianet) cloud has its own.</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";
    /// <summary>False in clouds without findMeetingTimes (21Vianet): time suggestions come from getSchedule.</summary>
    public bool FindMeetingTimesAvailable { get; set; } = true;
    /// <summary>Development only: serve the emulator from this app under /_graph-emulator and point the client at it.</summary>
    public bool EmulatorInProcess { get; set; }
    /// <summary>Retries of 429/503/504 (honouring Retry-After) before the call counts as failed.</summary>
    public int MaxRetries { get; set; } = 3;
    /// <summary>Back-off base when Graph sends no Retry-After (doubled on each retry).</summary>
    public int RetryDelaySeconds { get; set; } = 1;
    public int TimeoutSeconds { get; set; } = 30;
}
