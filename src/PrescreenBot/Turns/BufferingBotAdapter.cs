using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Turns;

/// <summary>
/// The host's adapter: it never talks to a channel itself. Everything a turn sends is held in the turn's
/// <see cref="ReplyBuffer"/>; the turn processor releases it only after the state is saved, and the channel (Bot
/// Connector, Direct Line) delivers it its own way. Middleware (Teams shaping, limits) is added at registration.
/// </summary>
public sealed class BufferingBotAdapter : BotAdapter
{
    /// <summary>Runs the middleware and <paramref name="callback"/>; exceptions propagate to the caller (the turn processor).</summary>
    public Task RunTurnAsync(TurnContext turnContext, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState.Set(new ReplyBuffer());
        return RunPipelineAsync(turnContext, callback, cancellationToken);
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var buffer = turnContext.TurnState.Get<ReplyBuffer>() ?? throw new InvalidOperationException("This turn was not started by the turn processor.");
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            buffer.Activities.Add(activities[i]);
            responses[i] = new ResourceResponse();
        }

        return Task.FromResult(responses);
    }

    /// <summary>Replies are not sent before the turn ends, so there is nothing yet to update.</summary>
    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Updating an activity is not supported: replies are released only at the end of the turn.");

    /// <summary>Replies are not sent before the turn ends, so there is nothing yet to delete.</summary>
    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Deleting an activity is not supported: replies are released only at the end of the turn.");
}

/// <summary>What a turn has sent so far, in order.</summary>
public sealed class ReplyBuffer
{
    public List<Activity> Activities { get; } = [];
}
