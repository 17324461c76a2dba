using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace PrescreenBot.Benchmarks.Load;

/// <summary>
/// The Direct Line half of the load generator (<c>load --channel directline</c>): N workers, each walking one
/// conversation at a time through the whole pre-screen like Web Chat does (token from <c>/api/webchat/token</c>,
/// <c>POST conversations</c>, receive on the WebSocket), answering with <see cref="ConnectorLoadAnswers"/>. A turn is
/// measured from the POST of the answer until the replies to it are received; the start (token, conversation, stream,
/// welcome) counts as one turn. The server must run with <c>Limits:ConversationRate:Enabled=false</c>: one simulated
/// patient answers far faster than a person.
/// </summary>
public class DirectLineLoad : ILoadChannel
{
    /// <summary>A walk longer than this is stuck; the worker moves on to a new conversation.</summary>
    public const int MaxTurnsPerConversation = 120;

    public virtual string Name => "directline";

    /// <summary>WebSocket stream (Web Chat's default) or polling with the watermark.</summary>
    protected virtual bool UseWebSocket => true;

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
        var latencies = new LatencyRecorder(options.Conversations);
        var run = new LoadRun(options, Stopwatch.GetTimestamp());

        var workers = Enumerable.Range(0, options.Conversations)
            .Select(worker => Task.Run(() => WorkAsync(worker, http, options, run, latencies, cancellationToken), cancellationToken))
            .ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        return new LoadReport(Name, options.Conversations, options.Duration, latencies.Sorted(), run.ScreensCompleted, run.Errors);
    }

    private async Task WorkAsync(int worker, HttpClient http, LoadOptions options, LoadRun run, LatencyRecorder latencies, CancellationToken cancellationToken)
    {
        while (!run.IsOver && !cancellationToken.IsCancellationRequested)
        {
            DirectLineLoadConversation? conversation = null;
            try
            {
                var started = Stopwatch.GetTimestamp();
                (conversation, var replies) = await DirectLineLoadConversation.StartAsync(http, options.Locale, UseWebSocket, cancellationToken).ConfigureAwait(false);
                for (var turn = 0; turn < MaxTurnsPerConversation; turn++)
                {
                    if (run.IsMeasuring(started))
                    {
                        latencies.Record(worker, started);
                    }

                    string? answer;
                    using (replies)
                    {
                        answer = ConnectorLoadAnswers.Choose(ConnectorLoadAnswers.LastQuestion(replies.RootElement.GetProperty("activities"), out var sawResult));
                        if (sawResult && run.IsMeasuring(started))
                        {
                            Interlocked.Increment(ref run.ScreensCompleted);
                        }
                    }

                    if (answer is null || run.IsOver)
                    {
                        break;
                    }

                    started = Stopwatch.GetTimestamp();
                    replies = await conversation.SendAsync(answer, options.Locale, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or System.Net.WebSockets.WebSocketException or KeyNotFoundException or InvalidOperationException
                || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                run.Error(worker, ex.GetType().Name + ": " + ex.Message);
            }
            finally
            {
                if (conversation is not null)
                {
                    await conversation.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }
}

/// <summary><c>load --channel directline-polling</c>: as <see cref="DirectLineLoad"/>, receiving by polling with the watermark.</summary>
public sealed class DirectLinePollingLoad : DirectLineLoad
{
    public override string Name => "directline-polling";

    protected override bool UseWebSocket => false;
}
