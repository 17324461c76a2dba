using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.Testing;

/// <summary>
/// A conversation written as a transcript, as Bot Builder's <c>TestFlow</c>:
/// <code>new TestFlow(adapter, bot).Send("hi").AssertReply("Hello").AssertSuggestedActions("Yes", "No", "Not sure").StartTestAsync()</code>
/// Steps run in order when <see cref="StartTestAsync"/> is awaited. Each turn completes before the next step, so no
/// timing is involved. <c>AssertReply…</c> takes the next reply; <see cref="AssertSuggestedActions"/> and
/// <see cref="AssertReplyHas"/> look again at the reply taken by the previous assertion.
/// </summary>
public sealed class TestFlow
{
    private readonly TestAdapter _adapter;
    private readonly BotCallbackHandler _callback;
    private readonly List<(string Description, Func<Task> Run)> _steps = [];
    private Activity? _lastReply;

    public TestFlow(TestAdapter adapter, IBot bot)
        : this(adapter, (bot ?? throw new ArgumentNullException(nameof(bot))).OnTurnAsync)
    {
    }

    public TestFlow(TestAdapter adapter, BotCallbackHandler callback)
    {
        _adapter = adapter ?? throw new ArgumentNullException(nameof(adapter));
        _callback = callback ?? throw new ArgumentNullException(nameof(callback));
    }

    public TestAdapter Adapter => _adapter;

    /// <summary>The user sends a text message.</summary>
    public TestFlow Send(string text) => Send(_adapter.MakeActivity(text), $"send \"{text}\"");

    /// <summary>The user (or channel) sends an activity; missing addressing is filled in.</summary>
    public TestFlow Send(Activity activity, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return AddStep(description ?? $"send {activity.Type}", () => _adapter.ProcessActivityAsync(activity, _callback));
    }

    /// <summary>The channel announces the user joined (a <c>conversationUpdate</c> with the user and the bot added).</summary>
    public TestFlow SendConversationUpdate()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [_adapter.Conversation.User!, _adapter.Conversation.Bot!],
        }.ApplyConversationReference(_adapter.Conversation, isIncoming: true);
        return Send(activity, "send conversationUpdate");
    }

    /// <summary>Sends <paramref name="userSays"/> and expects <paramref name="expected"/> as the next reply's text.</summary>
    public TestFlow Test(string userSays, string expected) => Send(userSays).AssertReply(expected);

    /// <summary>The next reply's text is exactly <paramref name="expected"/>.</summary>
    public TestFlow AssertReply(string expected) =>
        AssertReply(
            reply =>
            {
                if (!string.Equals(reply.Text, expected, StringComparison.Ordinal))
                {
                    throw new TestFlowAssertionException($"expected reply text \"{expected}\" but got \"{reply.Text}\"");
                }
            },
            $"reply \"{expected}\"");

    /// <summary>The next reply's text contains <paramref name="fragment"/>.</summary>
    public TestFlow AssertReplyContains(string fragment) =>
        AssertReply(
            reply =>
            {
                if (reply.Text is null || !reply.Text.Contains(fragment, StringComparison.Ordinal))
                {
                    throw new TestFlowAssertionException($"expected reply containing \"{fragment}\" but got \"{reply.Text}\"");
                }
            },
            $"reply containing \"{fragment}\"");

    /// <summary>The next reply passes <paramref name="validate"/> (which throws, e.g. with FluentAssertions, when it does not).</summary>
    public TestFlow AssertReply(Action<Activity> validate, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(validate);
        return AddStep(description ?? "reply", () =>
        {
            _lastReply = _adapter.GetNextReply() ?? throw new TestFlowAssertionException("expected a reply but the bot sent nothing more");
            validate(_lastReply);
            return Task.CompletedTask;
        });
    }

    /// <summary>The reply taken by the previous assertion passes <paramref name="validate"/>.</summary>
    public TestFlow AssertReplyHas(Action<Activity> validate, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(validate);
        return AddStep(description ?? "same reply", () =>
        {
            validate(_lastReply ?? throw new TestFlowAssertionException("no reply has been asserted yet"));
            return Task.CompletedTask;
        });
    }

    /// <summary>The reply taken by the previous assertion offers exactly these buttons, in order (suggested actions or a hero card).</summary>
    public TestFlow AssertSuggestedActions(params string[] titles) =>
        AssertReplyHas(
            reply =>
            {
                var actual = reply.SuggestedActions?.Actions.Select(a => a.Title ?? a.Value?.ToString() ?? string.Empty).ToArray()
                    ?? reply.Attachments?.Select(a => a.ContentAs<HeroCard>()).FirstOrDefault(c => c?.Buttons is not null)?.Buttons!.Select(b => b.Title ?? string.Empty).ToArray()
                    ?? [];
                if (!actual.SequenceEqual(titles, StringComparer.Ordinal))
                {
                    throw new TestFlowAssertionException($"expected buttons [{string.Join(", ", titles)}] but got [{string.Join(", ", actual)}] on \"{reply.Text}\"");
                }
            },
            $"buttons [{string.Join(", ", titles)}]");

    /// <summary>The bot has sent nothing more.</summary>
    public TestFlow AssertNoReply() =>
        AddStep("no reply", () =>
        {
            var reply = _adapter.GetNextReply();
            return reply is null
                ? Task.CompletedTask
                : throw new TestFlowAssertionException($"expected no reply but got {reply.Type} \"{reply.Text}\"");
        });

    /// <summary>Runs arbitrary code between steps (e.g. to inspect state).</summary>
    public TestFlow Do(Func<Task> action, string description = "custom step")
    {
        ArgumentNullException.ThrowIfNull(action);
        return AddStep(description, action);
    }

    /// <summary>Runs the steps in order; the first failing expectation throws <see cref="TestFlowAssertionException"/> naming the step.</summary>
    public async Task StartTestAsync()
    {
        for (var i = 0; i < _steps.Count; i++)
        {
            var (description, run) = _steps[i];
            try
            {
                await run().ConfigureAwait(false);
            }
            catch (TestFlowAssertionException ex)
            {
                throw new TestFlowAssertionException($"Step {i + 1} ({description}): {ex.Message}");
            }
        }
    }

    private TestFlow AddStep(string description, Func<Task> run)
    {
        _steps.Add((description, run));
        return this;
    }
}
