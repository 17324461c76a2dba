using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace PrescreenBot.Referrals.IntegrationTests.Infrastructure;

/// <summary>
/// A real HTTP receiver on loopback that checks every request's Standard Webhooks signature with its own code
/// (independent of the product's signer) and answers with scripted status codes (then 200).
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly byte[] _key;
    private readonly ConcurrentQueue<int> _scriptedStatuses = new();
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly Task _loop;

    /// <summary>How long a test waits for requests by default: a safety net for a loaded machine, not a speed check.</summary>
    private static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(60);

    /// <summary>Pulsed whenever a request arrives.</summary>
    private readonly SemaphoreSlim _arrivals = new(0);

    public WebhookReceiver(string secret)
    {
        _key = secret.StartsWith("whsec_", StringComparison.Ordinal)
            ? Convert.FromBase64String(secret["whsec_".Length..])
            : Encoding.UTF8.GetBytes(secret);
        (_listener, Url) = Listen();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToList();

    /// <summary>Status for <see cref="AnswerNext"/> meaning: record the request, never answer (the sender hangs).</summary>
    public const int NeverAnswer = 0;

    /// <summary>The next requests get these statuses, in order; after them, 200.</summary>
    public void AnswerNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _scriptedStatuses.Enqueue(status);
        }
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> requests arrived; fails after <paramref name="deadline"/> (default
    /// <see cref="DefaultPatience"/>) rather than letting the test go on as if they had.
    /// </summary>
    public async Task WaitForRequestsAsync(int count, TimeSpan? deadline = null)
    {
        var limit = deadline ?? DefaultPatience;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (_received.Count < count)
        {
            if (stopwatch.Elapsed > limit)
            {
                throw new TimeoutException($"Only {_received.Count} of {count} webhook requests arrived within {limit}.");
            }

            await _arrivals.WaitAsync(TimeSpan.FromMilliseconds(200));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
            // The listener closed under the pending accept: that is how the loop ends.
        }
    }

    /// <summary>Listens on a free port and returns the URL; another port is tried should another process take it meanwhile.</summary>
    private static (HttpListener Listener, string Url) Listen()
    {
        for (var attempt = 1; ; attempt++)
        {
            var url = $"http://127.0.0.1:{LoopbackPorts.Reserve()}/referrals/";
            var listener = new HttpListener();
            listener.Prefixes.Add(url);
            try
            {
                listener.Start();
                return (listener, url);
            }
            catch (HttpListenerException) when (attempt < LoopbackPorts.MaxStartAttempts)
            {
                listener.Close();
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync();
            }

            var id = context.Request.Headers["webhook-id"];
            var timestamp = context.Request.Headers["webhook-timestamp"];
            var signature = context.Request.Headers["webhook-signature"];
            var status = _scriptedStatuses.TryDequeue(out var scripted) ? scripted : 200;
            _received.Enqueue(new ReceivedWebhook(id, timestamp, signature, body, context.Request.ContentType, IsSignatureValid(id, timestamp, signature, body), status));
            _arrivals.Release();
            if (status == NeverAnswer)
            {
                continue;
            }

            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    private bool IsSignatureValid(string? id, string? timestamp, string? signatureHeader, string body)
    {
        if (id is null || timestamp is null || signatureHeader is null)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        foreach (var candidate in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = candidate.Split(',', 2);
            if (parts.Length == 2 && parts[0] == "v1")
            {
                try
                {
                    if (CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(parts[1]), expected))
                    {
                        return true;
                    }
                }
                catch (FormatException)
                {
                    // Not base64: not a valid signature.
                }
            }
        }

        return false;
    }
}

internal sealed record ReceivedWebhook(string? Id, string? Timestamp, string? Signature, string Body, string? ContentType, bool SignatureValid, int AnsweredStatus);
