using System.Diagnostics;
using System.Net.Http.Headers;

namespace CollabAddin.Benchmarks;

public sealed record LoadResult(string Name, int Requests, double Seconds, double Throughput, double P50Ms, double P99Ms, int Errors, long Bytes)
{
    public override string ToString() => $"{Name,-28} {Throughput,9:N0} req/s   p50 {P50Ms,6:N2} ms   p99 {P99Ms,6:N2} ms   ({Requests:N0} requests, {Errors} errors, {Bytes:N0} B each)";
}

/// <summary>A closed-loop load generator on loopback: N connections, each sending the next request when the last answers.</summary>
public static class LoadClient
{
    /// <param name="ifNoneMatch">Sent with every request; a 304 then counts as an answer.</param>
    public static async Task<LoadResult> RunAsync(string name, Uri url, string? token, int connections, TimeSpan warmup, TimeSpan duration, string? ifNoneMatch = null)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var size = (await http.GetByteArrayAsync(url)).Length;
        if (ifNoneMatch is not null)
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
            size = 0;
        }
        return await MeasureAsync(name, connections, warmup, duration, size, async _ =>
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
            return response.IsSuccessStatusCode || ifNoneMatch is not null && response.StatusCode == System.Net.HttpStatusCode.NotModified;
        });
    }

    /// <summary>
    /// The loop itself: <paramref name="connections"/> workers, each sending its next request (<paramref name="once"/>,
    /// given the worker's number; false counts an error) when the last answers; latencies after the warm-up are kept.
    /// </summary>
    public static async Task<LoadResult> MeasureAsync(string name, int connections, TimeSpan warmup, TimeSpan duration, long size, Func<int, Task<bool>> once)
    {
        var latencies = new List<double>[connections];
        var errors = 0;
        var measuring = false;
        var stop = DateTime.UtcNow + warmup + duration;
        var begin = DateTime.UtcNow + warmup;
        var workers = Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = new List<double>(100_000);
            var watch = new Stopwatch();
            while (DateTime.UtcNow < stop)
            {
                watch.Restart();
                var answered = await once(c);
                watch.Stop();
                if (!answered) Interlocked.Increment(ref errors);
                if (Volatile.Read(ref measuring)) mine.Add(watch.Elapsed.TotalMilliseconds);
                else if (DateTime.UtcNow >= begin) Volatile.Write(ref measuring, true);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)(p * all.Length))];
        return new LoadResult(name, all.Length, duration.TotalSeconds, all.Length / duration.TotalSeconds, Percentile(0.50), Percentile(0.99), errors, size);
    }
}
