using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Graph;
using Microsoft.Graph.Users.Item.SendMail;

namespace CollabAddin.GraphEmulator.Tests;

/// <summary>JSON batching as Graph answers it: per-request answers, dependsOn, 424, the 20-request and per-mailbox limits.</summary>
public sealed class BatchTests
{
    private const string Sender = "collabaddin@contoso.example";

    private static JsonObject Mail(string id, string subject, params string[] dependsOn)
    {
        var request = new JsonObject
        {
            ["id"] = id, ["method"] = "POST", ["url"] = $"/users/{Sender}/sendMail",
            ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
            ["body"] = new JsonObject
            {
                ["message"] = new JsonObject
                {
                    ["subject"] = subject,
                    ["body"] = new JsonObject { ["contentType"] = "HTML", ["content"] = "<p>x</p>" },
                    ["toRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = new JsonObject { ["address"] = "carol@contoso.example" } }),
                },
            },
        };
        if (dependsOn.Length > 0) request["dependsOn"] = new JsonArray(dependsOn.Select(d => (JsonNode)d).ToArray());
        return request;
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> PostBatch(EmulatorServer server, params JsonObject[] requests)
    {
        using var http = new HttpClient();
        using var message = new HttpRequestMessage(HttpMethod.Post, server.GraphBaseUrl + "/$batch")
        {
            Content = new StringContent(new JsonObject { ["requests"] = new JsonArray(requests) }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "test");
        using var response = await http.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(text.Length > 0, $"{(int)response.StatusCode} with no body");
        return (response.StatusCode, (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static Dictionary<string, int> Statuses(JsonObject body) =>
        body["responses"]!.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>(), r => r!["status"]!.GetValue<int>());

    [Fact]
    public async Task Each_request_is_answered_under_its_id_and_dependsOn_orders_them()
    {
        await using var server = await EmulatorServer.StartAsync();
        var (status, body) = await PostBatch(server, Mail("c", "third", "b"), Mail("b", "second", "a"), Mail("a", "first"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 202, ["b"] = 202, ["c"] = 202 }, Statuses(body));
        Assert.Equal(["first", "second", "third"], server.State.SentMail.Select(m => m.Subject));
        Assert.Equal(1, server.State.ClientRequests); // the client sent one request; the three inside are marked as batched
        Assert.Equal(3, server.State.RequestCount("POST", "/sendMail"));
    }

    [Fact]
    public async Task A_failed_request_fails_the_requests_that_depend_on_it_with_424()
    {
        await using var server = await EmulatorServer.StartAsync();
        server.State.Faults.Add(new FaultRule(FaultKind.Throttle, "POST", "/sendMail", Times: 1, RetryAfterSeconds: 7));
        var (_, body) = await PostBatch(server, Mail("1", "one"), Mail("2", "two", "1"), Mail("3", "three", "2"));

        Assert.Equal(new Dictionary<string, int> { ["1"] = 429, ["2"] = 424, ["3"] = 424 }, Statuses(body));
        var throttled = body["responses"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == "1")!;
        Assert.Equal("7", throttled["headers"]!["Retry-After"]!.GetValue<string>());
        Assert.Equal("ApplicationThrottled", throttled["body"]!["error"]!["code"]!.GetValue<string>());
        Assert.Empty(server.State.SentMail);
    }

    [Fact]
    public async Task More_than_four_requests_at_once_on_one_mailbox_are_throttled_but_four_chains_are_not()
    {
        await using var server = await EmulatorServer.StartAsync();
        var (_, parallel) = await PostBatch(server, Enumerable.Range(0, 6).Select(i => Mail($"{i}", $"p{i}")).ToArray());
        Assert.Equal(4, Statuses(parallel).Values.Count(s => s == 202));
        Assert.Equal(2, Statuses(parallel).Values.Count(s => s == 429));

        var (_, chained) = await PostBatch(server, Enumerable.Range(0, 20).Select(i => i < 4 ? Mail($"{i}", $"c{i}") : Mail($"{i}", $"c{i}", $"{i - 4}")).ToArray());
        Assert.All(Statuses(chained).Values, s => Assert.Equal(202, s));
        Assert.Equal(4 + 20, server.State.SentMail.Count);
    }

    [Theory]
    [InlineData(21, "Maximum number of requests in a batch is 20.")]
    [InlineData(0, "'requests' must be a non-empty array")]
    public async Task A_batch_of_the_wrong_size_is_refused_whole(int count, string message)
    {
        await using var server = await EmulatorServer.StartAsync();
        var (status, body) = await PostBatch(server, Enumerable.Range(0, count).Select(i => Mail($"{i}", "x")).ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, body["error"]!["message"]!.GetValue<string>());
        Assert.Empty(server.State.SentMail);
    }

    [Fact]
    public async Task Unknown_or_circular_dependencies_and_repeated_ids_are_refused_whole()
    {
        await using var server = await EmulatorServer.StartAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await PostBatch(server, Mail("1", "x", "9"))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostBatch(server, Mail("1", "x", "2"), Mail("2", "y", "1"))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostBatch(server, Mail("1", "x"), Mail("1", "y"))).Status);
        Assert.Empty(server.State.SentMail);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/_graph-emulator")] // as the API serves it in Development, where the SDK's step urls come out cut short
    public async Task The_graph_sdks_batch_content_is_understood_and_its_answers_read_back(string root)
    {
        await using var server = await EmulatorServer.StartAsync(root: root);
        var client = GraphClient.For(server);
        var batch = new BatchRequestContentCollection(client);
        foreach (var i in Enumerable.Range(0, 3))
        {
            var info = client.Users[Sender].SendMail.ToPostRequestInformation(new SendMailPostRequestBody
            {
                Message = new() { Subject = $"sdk {i}", ToRecipients = [new() { EmailAddress = new() { Address = "carol@contoso.example" } }] },
            });
            var request = await client.RequestAdapter.ConvertToNativeRequestAsync<HttpRequestMessage>(info);
            batch.AddBatchRequestStep(new BatchRequestStep($"{i}", request, i == 0 ? null : [$"{i - 1}"]));
        }

        var response = await client.Batch.PostAsync(batch);

        var statuses = await response.GetResponsesStatusCodesAsync();
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted], statuses.OrderBy(s => s.Key).Select(s => s.Value));
        Assert.Equal(["sdk 0", "sdk 1", "sdk 2"], server.State.SentMail.Select(m => m.Subject));
    }
}
