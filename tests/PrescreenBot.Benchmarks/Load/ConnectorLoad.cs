using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace PrescreenBot.Benchmarks.Load;

/// <summary>
/// The Bot Connector half of the load generator: each of N workers runs one conversation at a time over
/// <c>POST /api/messages</c> with <c>deliveryMode: expectReplies</c> (the replies come back in the response, so a turn is
/// one round trip): a <c>conversationUpdate</c> (the welcome), then answers chosen by <see cref="ConnectorLoadAnswers"/>
/// until the pre-screen is over, then a new conversation. Requests are written as raw UTF-8 JSON so the generator,
/// sharing the machine with the bot, spends as little CPU as it can.
/// </summary>
public sealed class ConnectorLoad : ILoadChannel
{
    /// <summary>A walk longer than this is stuck; the worker moves on to a new conversation.</summary>
    public const int MaxTurnsPerConversation = 120;

    public string Name => "connector";

    public async Task<LoadReport> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Conversations,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        using var http = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };
        var messages = new Uri(options.Url, "api/messages");
        var latencies = new LatencyRecorder(options.Conversations);
        var run = new LoadRun(options, Stopwatch.GetTimestamp());
        var runId = Guid.NewGuid().ToString("N")[..8];

        var workers = Enumerable.Range(0, options.Conversations)
            .Select(worker => Task.Run(() => WorkAsync(worker, runId, http, messages, options, run, latencies, cancellationToken), cancellationToken))
            .ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        return new LoadReport(Name, options.Conversations, options.Duration, latencies.Sorted(), run.ScreensCompleted, run.Errors);
    }

    private static async Task WorkAsync(int worker, string runId, HttpClient http, Uri messages, LoadOptions options, LoadRun run, LatencyRecorder latencies, CancellationToken cancellationToken)
    {
        for (var conversation = 0; !run.IsOver && !cancellationToken.IsCancellationRequested; conversation++)
        {
            var conversationId = $"load-{runId}-{worker}-{conversation}";
            var sequence = 0;
            var body = ConversationUpdate(conversationId, options.Locale);
            for (var turn = 0; turn < MaxTurnsPerConversation && !run.IsOver; turn++)
            {
                var started = Stopwatch.GetTimestamp();
                JsonDocument document;
                try
                {
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new("application/json");
                    using var response = await http.PostAsync(messages, content, cancellationToken).ConfigureAwait(false);
                    var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                    if (response.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        run.Error(worker, "HTTP 429: the bot's per-conversation rate limit is on; start it with --Limits:ConversationRate:Enabled=false for load runs");
                        break;
                    }

                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        run.Error(worker, $"HTTP {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 200)))}");
                        break;
                    }

                    document = JsonDocument.Parse(bytes);
                }
                catch (Exception ex) when (ex is HttpRequestException or JsonException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    run.Error(worker, ex.GetType().Name + ": " + ex.Message);
                    break;
                }

                if (run.IsMeasuring(started))
                {
                    latencies.Record(worker, started);
                }

                string? answer;
                bool sawResult;
                using (document)
                {
                    answer = document.RootElement.TryGetProperty("activities", out var activities)
                        ? ConnectorLoadAnswers.Choose(ConnectorLoadAnswers.LastQuestion(activities, out sawResult))
                        : Unreadable(run, worker, out sawResult);
                }

                if (sawResult && run.IsMeasuring(started))
                {
                    Interlocked.Increment(ref run.ScreensCompleted);
                }

                if (answer is null)
                {
                    break;
                }

                body = Message(conversationId, ++sequence, answer, options.Locale);
            }
        }
    }

    private static string? Unreadable(LoadRun run, int worker, out bool sawResult)
    {
        sawResult = false;
        run.Error(worker, "response without 'activities'");
        return null;
    }

    internal static byte[] ConversationUpdate(string conversationId, string locale) => Encoding.UTF8.GetBytes(
        $$"""{"type":"conversationUpdate","id":"{{conversationId}}-0","channelId":"emulator","conversation":{"id":"{{conversationId}}"},"from":{"id":"user-{{conversationId}}","role":"user"},"recipient":{"id":"bot","role":"bot"},"membersAdded":[{"id":"user-{{conversationId}}"}],"locale":"{{locale}}","deliveryMode":"expectReplies"}""");

    internal static byte[] Message(string conversationId, int sequence, string text, string locale) => Encoding.UTF8.GetBytes(
        $$"""{"type":"message","id":"{{conversationId}}-{{sequence}}","channelId":"emulator","conversation":{"id":"{{conversationId}}"},"from":{"id":"user-{{conversationId}}","role":"user"},"recipient":{"id":"bot","role":"bot"},"text":{{JsonSerializer.Serialize(text)}},"locale":"{{locale}}","deliveryMode":"expectReplies"}""");
}
