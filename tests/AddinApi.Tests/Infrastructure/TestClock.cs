namespace CollabAddin.Api.Tests.Infrastructure;

/// <summary>A clock tests can set and move; the app reads all time through TimeProvider.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Set(DateTimeOffset now) => _now = now;
    public void Advance(TimeSpan by) => _now += by;
}
