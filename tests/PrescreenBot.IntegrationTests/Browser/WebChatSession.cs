using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace PrescreenBot.IntegrationTests.Browser;

/// <summary>
/// One patient's browser tab on the Web Chat page. It acts only through the page (clicks and typing), and listens to
/// what the browser itself receives on the Direct Line WebSocket to know when the bot has answered and what it sent
/// (including the <c>prescreen/result</c> event, which Web Chat does not render).
/// </summary>
public sealed class WebChatSession : IAsyncDisposable
{
    /// <summary>A safety net, generous for a cold first turn on a loaded 2-core machine; a healthy turn takes milliseconds.</summary>
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(90);

    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<JsonObject> _received = new();
    private readonly ConcurrentQueue<string> _failures = new();

    private WebChatSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => OnFrame(frame.Text);
        page.Response += (_, response) =>
        {
            if (response.Request.Method == "POST" && response.Url.Contains("/v3/directline/", StringComparison.Ordinal) && response.Status != 200 && response.Status != 201)
            {
                _failures.Enqueue($"{response.Status} from POST {new Uri(response.Url).AbsolutePath}");
            }
        };
        page.PageError += (_, error) => _failures.Enqueue($"page error: {error}");
    }

    public IPage Page { get; }

    /// <summary>Everything the bot sent that reached this browser, in order.</summary>
    public IReadOnlyList<JsonObject> BotActivities => _received.Where(a => (string?)a["from"]?["role"] == "bot").ToList();

    /// <summary>Everything that reached this browser (the patient's own echoes included).</summary>
    public IReadOnlyList<JsonObject> Received => _received.ToList();

    public static async Task<WebChatSession> OpenAsync(IBrowser browser, Uri url)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        // Playwright's own default (30 s, for navigation, typing and reading the page) is the same safety net as ours.
        context.SetDefaultTimeout((float)WaitLimit.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)WaitLimit.TotalMilliseconds);
        var session = new WebChatSession(context, await context.NewPageAsync());
        await session.Page.GotoAsync(url.ToString());
        return session;
    }

    /// <summary>Waits for a bot activity after position <paramref name="after"/> that matches; returns it and its position.</summary>
    public async Task<(JsonObject Activity, int Index)> WaitForBotAsync(Func<JsonObject, bool> match, int after, string what)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < WaitLimit)
        {
            var activities = BotActivities;
            for (var i = after; i < activities.Count; i++)
            {
                if (match(activities[i]))
                {
                    return (activities[i], i);
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No {what} from the bot within {WaitLimit.TotalSeconds} s; last bot text: {BotActivities.LastOrDefault()?["text"]}");
    }

    /// <summary>Waits until <paramref name="fragment"/> is visible in the page.</summary>
    public Task SeeTextAsync(string fragment) =>
        Page.GetByText(fragment).First.WaitForAsync(new LocatorWaitForOptions { Timeout = (float)WaitLimit.TotalMilliseconds });

    public Task ClickSuggestedActionAsync(string title) =>
        Page.Locator(".webchat__suggested-actions")
            .GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = title, Exact = true })
            .ClickAsync(new LocatorClickOptions { Timeout = (float)WaitLimit.TotalMilliseconds });

    /// <summary>Types into Web Chat's send box and presses Enter, as a patient would.</summary>
    public async Task TypeAsync(string text)
    {
        var box = Page.GetByRole(AriaRole.Textbox).First;
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    /// <summary>Problems seen so far: non-2xx Direct Line posts, script errors, and Web Chat's "send failed" (English or Chinese).</summary>
    public async Task<IReadOnlyList<string>> FailuresAsync()
    {
        var text = await Page.Locator("body").InnerTextAsync();
        var failures = _failures.ToList();
        foreach (var marker in new[] { "Send failed", "发送失败" })
        {
            if (text.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"the page shows '{marker}'");
            }
        }

        return failures;
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private void OnFrame(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        if (JsonNode.Parse(text) is JsonObject set && set["activities"] is JsonArray activities)
        {
            foreach (var activity in activities.OfType<JsonObject>())
            {
                _received.Enqueue((JsonObject)activity.DeepClone());
            }
        }
    }
}
