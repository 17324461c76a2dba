using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace PrescreenBot.IntegrationTests.DirectLine;

/// <summary>Speaks Direct Line 3.0 the way DirectLineJS does, over real HTTP and a real WebSocket.</summary>
public sealed class DirectLineTestClient(HttpClient http, Uri baseAddress) : IDisposable
{
    public HttpClient Http { get; } = http;

    public Uri BaseAddress { get; } = baseAddress;

    public async Task<JsonObject> GenerateTokenAsync(string secret = DirectLineApp.Secret)
    {
        using var response = await SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", secret, null);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await ReadObjectAsync(response);
    }

    /// <summary>POST conversations with a token (the Web Chat path); returns the Conversation object.</summary>
    public async Task<JsonObject> StartAsync(string token, string body = "{\"user\":{}}")
    {
        using var response = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", token, body);
        response.StatusCode.Should().BeOneOf(HttpStatusCode.Created, HttpStatusCode.OK);
        return await ReadObjectAsync(response);
    }

    /// <summary>A fresh token and a started conversation: (conversationId, token, streamUrl).</summary>
    public async Task<(string ConversationId, string Token, string StreamUrl)> NewConversationAsync()
    {
        var generated = await GenerateTokenAsync();
        var started = await StartAsync((string)generated["token"]!);
        return ((string)started["conversationId"]!, (string)started["token"]!, (string)started["streamUrl"]!);
    }

    public Task<HttpResponseMessage> PostActivityAsync(string conversationId, string token, JsonObject activity) =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, activity.ToJsonString());

    public Task<HttpResponseMessage> PostRawAsync(string conversationId, string token, string body) =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, body);

    public async Task<string> PostMessageAsync(string conversationId, string token, string text, string clientActivityId)
    {
        using var response = await PostActivityAsync(conversationId, token, Message(text, clientActivityId));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (string)(await ReadObjectAsync(response))["id"]!;
    }

    public async Task<(JsonArray Activities, string? Watermark)> PollAsync(string conversationId, string token, string? watermark = "")
    {
        var query = watermark is null ? string.Empty : $"?watermark={Uri.EscapeDataString(watermark)}";
        using var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities{query}", token, null);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var set = await ReadObjectAsync(response);
        return (set["activities"]!.AsArray(), (string?)set["watermark"]);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer, string? jsonBody)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        request.Headers.Add("x-ms-bot-agent", "DirectLine/3.0 (directlinejs; test) 0.15.5");
        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        return await Http.SendAsync(request);
    }

    public static JsonObject Message(string text, string clientActivityId) => new()
    {
        ["type"] = "message",
        ["channelId"] = "webchat",
        ["from"] = new JsonObject { ["id"] = "someone-else", ["role"] = "user" },
        ["locale"] = "en-US",
        ["text"] = text,
        ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId },
    };

    public static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>How long a stream may take to connect or to deliver what a test waits for: a safety net for a loaded machine, not a speed check.</summary>
    private static readonly TimeSpan StreamPatience = TimeSpan.FromSeconds(60);

    /// <summary>Opens the stream URL exactly as given (absolute ws:// with ?t=).</summary>
    public static async Task<ClientWebSocket> OpenStreamAsync(string streamUrl)
    {
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(StreamPatience);
        await socket.ConnectAsync(new Uri(streamUrl), timeout.Token);
        return socket;
    }

    /// <summary>Reads ActivitySet frames until <paramref name="done"/> holds over everything received so far.</summary>
    public static async Task<List<JsonObject>> ReceiveUntilAsync(ClientWebSocket socket, Func<IReadOnlyList<JsonObject>, bool> done)
    {
        var received = new List<JsonObject>();
        using var timeout = new CancellationTokenSource(StreamPatience);
        var buffer = new byte[64 * 1024];
        while (!done(received))
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException($"The stream closed: {result.CloseStatus} {result.CloseStatusDescription}");
            }

            if (message.Length == 0)
            {
                continue;
            }

            received.Add(JsonNode.Parse(message.ToArray())!.AsObject());
        }

        return received;
    }

    public static IEnumerable<JsonObject> ActivitiesOf(IEnumerable<JsonObject> frames) =>
        frames.SelectMany(f => f["activities"]!.AsArray().Select(a => a!.AsObject()));

    public void Dispose() => Http.Dispose();
}
