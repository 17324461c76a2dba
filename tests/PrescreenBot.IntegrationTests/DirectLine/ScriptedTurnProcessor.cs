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

    /// <summary>A message with this text is answered only once the test releases <see cref="WaitGate"/>.</summary>
    public const string Wait = "wait for the gate";

    public ConcurrentQueue<Activity> Received { get; } = new();

    /// <summary>Holds the turn of a <see cref="Wait"/> message until released (a turn that waits on I/O).</summary>
    public SemaphoreSlim WaitGate { get; } = new(0);

    public Task<TurnResult> ProcessAsync(Activity inbound, CancellationToken cancellationToken)
    {
        Received.Enqueue(inbound);
        if (inbound.IsType(ActivityTypes.Message) && inbound.Text == Wait)
        {
            return AfterTheGateAsync(inbound, cancellationToken);
        }

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

    private async Task<TurnResult> AfterTheGateAsync(Activity inbound, CancellationToken cancellationToken)
    {
        await WaitGate.WaitAsync(cancellationToken);
        return new TurnResult([inbound.CreateReply("Thanks for waiting.")], null);
    }
}
