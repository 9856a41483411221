namespace CollabAddin.Api.Hosting;

/// <summary>
/// Where the background workers begin. A worker's first pass compiles its queries — hundreds of milliseconds of JIT on
/// two cores — and, run straight from ExecuteAsync, it held up the host's start (the listening socket waited for it)
/// and then competed with the first requests. The workers yield at once and begin a few seconds later: nothing they
/// do is that urgent (a due invite or mail waits those seconds after a restart), and the first person is answered
/// sooner (docs/BENCHMARKS.md, cold start).
/// </summary>
public static class WorkerStart
{
    /// <returns>False when the host stopped during the wait.</returns>
    public static async Task<bool> SettleAsync(int delaySeconds, CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (delaySeconds <= 0) return true;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(delaySeconds), stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
