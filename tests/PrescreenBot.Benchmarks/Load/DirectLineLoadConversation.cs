using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace PrescreenBot.Benchmarks.Load;

/// <summary>
/// One simulated Web Chat over Direct Line 3.0, as botframework-directlinejs drives it: a token from the page's
/// endpoint, <c>POST conversations</c>, then either the WebSocket stream or polling with the watermark. A turn is a
/// <c>POST activities</c> and the wait until the bot's replies to it (<c>replyToId</c> = the echoed id) have arrived.
/// </summary>
public sealed class DirectLineLoadConversation : IAsyncDisposable
{
    private const string BasePath = "v3/directline/";

    /// <summary>Frames buffered per conversation; a turn produces two (echo, replies), so this never fills in practice.</summary>
    private const int FrameBuffer = 64;

    private readonly HttpClient _http;
    private readonly string _token;
    private readonly ClientWebSocket? _socket;
    /// <summary>
    /// One reader (the worker), one writer (the receive loop). The worker continues on the receive loop's thread: it only
    /// checks the frame and starts its next POST, and a thread-pool hop per frame would cost the CPU the bot shares.
    /// </summary>
    private readonly Channel<JsonDocument> _frames = Channel.CreateBounded<JsonDocument>(
        new BoundedChannelOptions(FrameBuffer) { SingleReader = true, SingleWriter = true, AllowSynchronousContinuations = true });
    private readonly Task _receiving = Task.CompletedTask;
    private readonly CancellationTokenSource _closing = new();
    private string _watermark = string.Empty;
    private int _sequence;

    private DirectLineLoadConversation(HttpClient http, string token, string conversationId, ClientWebSocket? socket)
    {
        _http = http;
        _token = token;
        ConversationId = conversationId;
        _socket = socket;
        if (socket is not null)
        {
            _receiving = ReceiveAsync(socket, _closing.Token);
        }
    }

    public string ConversationId { get; }

    /// <summary>Starts a conversation and returns it with the bot's welcome (the first "turn").</summary>
    public static async Task<(DirectLineLoadConversation Conversation, JsonDocument Welcome)> StartAsync(
        HttpClient http, string locale, bool webSocket, CancellationToken cancellationToken)
    {
        using var tokenResponse = await http.PostAsync("api/webchat/token", new StringContent("{}", Encoding.UTF8, "application/json"), cancellationToken).ConfigureAwait(false);
        var token = await ReadStringAsync(tokenResponse, "token", cancellationToken).ConfigureAwait(false);

        using var start = new HttpRequestMessage(HttpMethod.Post, BasePath + "conversations")
        {
            Content = new StringContent($$"""{"user":{},"locale":"{{locale}}"}""", Encoding.UTF8, "application/json"),
        };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await http.SendAsync(start, cancellationToken).ConfigureAwait(false);
        var body = await ReadObjectAsync(started, cancellationToken).ConfigureAwait(false);
        var conversationId = body.RootElement.GetProperty("conversationId").GetString()!;
        ClientWebSocket? socket = null;
        if (webSocket)
        {
            socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri(body.RootElement.GetProperty("streamUrl").GetString()!), cancellationToken).ConfigureAwait(false);
        }

        var conversation = new DirectLineLoadConversation(http, token, conversationId, socket);
        var welcome = await conversation.RepliesToAsync(null, cancellationToken).ConfigureAwait(false);
        return (conversation, welcome);
    }

    /// <summary>Sends a message and returns the bot's replies to it (an ActivitySet document).</summary>
    public async Task<JsonDocument> SendAsync(string text, string locale, CancellationToken cancellationToken)
    {
        var clientActivityId = $"load-{++_sequence}";
        using var post = new HttpRequestMessage(HttpMethod.Post, $"{BasePath}conversations/{ConversationId}/activities")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(
                $$$"""{"type":"message","channelId":"webchat","from":{"id":"","role":"user"},"locale":"{{{locale}}}","text":{{{JsonSerializer.Serialize(text)}}},"channelData":{"clientActivityID":"{{{clientActivityId}}}"}}""")),
        };
        post.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using var response = await _http.SendAsync(post, cancellationToken).ConfigureAwait(false);
        var id = await ReadStringAsync(response, "id", cancellationToken).ConfigureAwait(false);
        return await RepliesToAsync(id, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync().ConfigureAwait(false);
        if (_socket is { State: WebSocketState.Open })
        {
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
            }
            catch (WebSocketException)
            {
                // The server went first.
            }
        }

        await _receiving.ConfigureAwait(false);
        _socket?.Dispose();
        _closing.Dispose();
        while (_frames.Reader.TryRead(out var frame))
        {
            frame.Dispose();
        }
    }

    /// <summary>
    /// The ActivitySet holding the bot's replies to <paramref name="echoId"/> (or, for null, the first bot activities):
    /// the server appends a turn's replies together, so they arrive in one frame or one poll.
    /// </summary>
    private async Task<JsonDocument> RepliesToAsync(string? echoId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var set = _socket is null ? await PollAsync(cancellationToken).ConfigureAwait(false) : await _frames.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (HasRepliesTo(set.RootElement, echoId))
            {
                return set;
            }

            set.Dispose();
        }
    }

    private async Task<JsonDocument> PollAsync(CancellationToken cancellationToken)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, $"{BasePath}conversations/{ConversationId}/activities?watermark={_watermark}");
        get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using var response = await _http.SendAsync(get, cancellationToken).ConfigureAwait(false);
        var set = await ReadObjectAsync(response, cancellationToken).ConfigureAwait(false);
        if (set.RootElement.TryGetProperty("watermark", out var watermark) && watermark.GetString() is { Length: > 0 } value)
        {
            _watermark = value;
        }

        return set;
    }

    private static bool HasRepliesTo(JsonElement set, string? echoId)
    {
        foreach (var activity in set.GetProperty("activities").EnumerateArray())
        {
            var fromBot = activity.TryGetProperty("from", out var from) && from.TryGetProperty("role", out var role) && role.ValueEquals("bot");
            if (!fromBot)
            {
                continue;
            }

            if (echoId is null || (activity.TryGetProperty("replyToId", out var replyTo) && replyTo.ValueEquals(echoId)))
            {
                return true;
            }
        }

        return false;
    }

    private async Task ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (message.Length > 0)
                {
                    await _frames.Writer.WriteAsync(JsonDocument.Parse(message.ToArray()), cancellationToken).ConfigureAwait(false);
                }

                message.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closing.
        }
        finally
        {
            _frames.Writer.TryComplete();
        }
    }

    private static async Task<string> ReadStringAsync(HttpResponseMessage response, string property, CancellationToken cancellationToken)
    {
        using var document = await ReadObjectAsync(response, cancellationToken).ConfigureAwait(false);
        return document.RootElement.GetProperty(property).GetString()
            ?? throw new HttpRequestException($"{response.RequestMessage?.RequestUri?.AbsolutePath} answered without '{property}'.");
    }

    private static async Task<JsonDocument> ReadObjectAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
        {
            throw new HttpRequestException(
                $"HTTP {(int)response.StatusCode} from {response.RequestMessage?.RequestUri?.AbsolutePath}: {Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 200)))}");
        }

        return JsonDocument.Parse(bytes);
    }
}
