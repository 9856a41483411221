using System.Net;
using System.Net.Http.Headers;
using CollabAddin.Api.Minutes;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Hardening;

/// <summary>
/// Body limits hold on the bytes actually read, over a real socket (Kestrel): a chunked body without Content-Length is
/// cut off at the same size as one that declares it. JSON 1 MB, minutes their configured limit.
/// </summary>
public sealed class BodyLimitTests
{
    /// <summary>A body sent chunked: its length is never declared.</summary>
    private sealed class Chunked(string contentType, long bytes, byte[] prefix, byte filler, byte[] suffix) : HttpContent
    {
        public long Sent { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            await stream.WriteAsync(prefix);
            Sent = prefix.Length;
            var block = Enumerable.Repeat(filler, 64 * 1024).ToArray();
            while (Sent < bytes)
            {
                var part = (int)Math.Min(block.Length, bytes - Sent);
                await stream.WriteAsync(block.AsMemory(0, part));
                Sent += part;
            }
            await stream.WriteAsync(suffix);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>A valid plan whose goal is as long as it takes to make the body <paramref name="bytes"/> long.</summary>
    private static Chunked Json(long bytes) => new("application/json", bytes, "{\"goal\":\""u8.ToArray(), (byte)'x', "\"}"u8.ToArray())
    {
        Headers = { ContentType = new("application/json") },
    };

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string path, HttpContent content)
    {
        try
        {
            var response = await client.PostAsync(path, content);
            if (response.StatusCode == HttpStatusCode.RequestEntityTooLarge)
                await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            // The server answered 413 and closed the connection while the client was still sending: also a refusal.
            return HttpStatusCode.RequestEntityTooLarge;
        }
    }

    [Fact]
    public async Task A_chunked_json_body_past_one_megabyte_is_refused_as_it_streams()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);
        var client = await app.ClientForAsync(Organizer);

        Assert.Equal(HttpStatusCode.OK, await SendAsync(client, "/api/meetings/validate", Json(5_000))); // read whole: the limit is not in the way
        var large = Json(3 * 1024 * 1024);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await SendAsync(client, "/api/meetings/validate", large));
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await SendAsync(await app.ClientForAsync(Organizer), "/api/meetings", Json(25L * 1024 * 1024)));
        Assert.Equal(0, await app.WithDbAsync(Tenant, db => db.Meetings.CountAsync()));
    }

    [Fact]
    public async Task A_chunked_minutes_upload_past_the_configured_limit_is_refused()
    {
        await using var app = await TestApp.StartAsync(kestrel: true, settings: new Dictionary<string, string?> { ["Minutes:MaxUploadBytes"] = "300000" });
        var s = await MeetingWithItemAsync(app);
        var bob = await app.ClientForAsync(NoteTaker);
        var docx = new Chunked(MinutesApi.DocxType, 2 * 1024 * 1024, "PK\u0003\u0004"u8.ToArray(), 0, []);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await SendAsync(bob, $"/api/meetings/{s.MeetingId}/minutes", docx));
        Assert.Equal(0, await app.WithDbAsync(Tenant, db => db.MinutesPublications.CountAsync()));
    }
}
