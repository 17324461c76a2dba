using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Channels;

/// <summary>
/// The one way a channel hands an inbound activity to the bot. Every channel (Bot Connector, Direct Line,
/// the console) calls this, so authentication stays in the channel and turn semantics stay here: one turn at a
/// time per conversation, state saved once with its ETag (a conflict re-runs the turn), replies released only
/// after the state is saved, transcript recorded.
/// </summary>
public interface ITurnProcessor
{
    Task<TurnResult> ProcessAsync(Activity inbound, CancellationToken cancellationToken);
}

/// <summary>
/// What the turn produced: the replies, addressed as replies to the inbound activity (the channel gives them ids and
/// timestamps as it delivers them), and, for an invoke, its response.
/// </summary>
public sealed record TurnResult(IReadOnlyList<Activity> Replies, InvokeResponse? InvokeResponse)
{
    /// <summary>The bot kept this turn out of the transcript ("delete my data" just deleted it).</summary>
    public bool ExcludedFromTranscript { get; init; }
}
