using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Bot.Turns;

/// <summary>
/// Connects the bot to a channel: runs middleware and the bot for each incoming activity and carries replies back.
/// Channels (Bot Connector, Direct Line, console, tests) derive from it.
/// </summary>
public abstract class BotAdapter
{
    /// <summary>TurnState key under which <see cref="ActivityHandler"/> leaves the <see cref="InvokeResponse"/> of an invoke turn.</summary>
    public const string InvokeResponseKey = "BotFrameworkAdapter.InvokeResponse";

    protected MiddlewareSet MiddlewareSet { get; } = new();

    /// <summary>Called with any exception the pipeline throws; when unset, the exception propagates to the channel.</summary>
    public Func<ITurnContext, Exception, Task>? OnTurnError { get; set; }

    public BotAdapter Use(IMiddleware middleware)
    {
        MiddlewareSet.Use(middleware);
        return this;
    }

    public abstract Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken);

    public abstract Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken);

    public abstract Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken);

    /// <summary>Starts a proactive turn in the referenced conversation (an <c>event</c> named <c>ContinueConversation</c>).</summary>
    public virtual async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        var context = new TurnContext(this, reference.GetContinuationActivity());
        await RunPipelineAsync(context, callback, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Bot Builder's overload; <paramref name="botId"/> is for authenticated channels and ignored here.</summary>
    public virtual Task ContinueConversationAsync(string? botId, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken = default) =>
        ContinueConversationAsync(reference, callback, cancellationToken);

    /// <summary>Runs middleware then <paramref name="callback"/>; exceptions go to <see cref="OnTurnError"/> when set.</summary>
    protected async Task RunPipelineAsync(ITurnContext turnContext, BotCallbackHandler? callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        try
        {
            await MiddlewareSet.ReceiveActivityWithStatusAsync(turnContext, callback, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (OnTurnError is not null && ex is not OperationCanceledException)
        {
            await OnTurnError(turnContext, ex).ConfigureAwait(false);
        }
    }
}
