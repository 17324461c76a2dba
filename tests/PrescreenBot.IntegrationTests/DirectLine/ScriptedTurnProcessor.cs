using System.Collections.Concurrent;
using System.Text.Json;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Channels;

namespace PrescreenBot.IntegrationTests.DirectLine;

/// <summary>
/// A stand-in bot for channel tests: welcomes on conversationUpdate, answers every message with two replies,
/// acknowledges events, and throws on the text "explode". Records what it received.
/// </summary>
public sealed class ScriptedTurnProcessor : ITurnProcessor
{
    public const string Welcome = "Welcome to the test bot.";
    public const string Explode = "explode";

    public ConcurrentQueue<Activity> Received { get; } = new();

    public Task<TurnResult> ProcessAsync(Activity inbound, CancellationToken cancellationToken)
    {
        Received.Enqueue(inbound);
        IReadOnlyList<Activity> replies = inbound.Type switch
        {
            ActivityTypes.ConversationUpdate => [inbound.CreateReply(Welcome)],
            ActivityTypes.Event => [inbound.CreateReply($"event {inbound.Name} {JsonSerializer.Serialize(inbound.Value)}")],
            ActivityTypes.Message when inbound.Text == Explode => throw new InvalidOperationException("Scripted failure."),
            ActivityTypes.Message => [inbound.CreateReply($"You said: {inbound.Text}"), inbound.CreateReply("Next question?")],
            _ => [],
        };
        return Task.FromResult(new TurnResult(replies, null));
    }
}
