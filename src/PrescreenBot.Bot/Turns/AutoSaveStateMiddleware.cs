using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.State;

namespace PrescreenBot.Bot.Turns;

/// <summary>
/// Saves the given states at the end of every turn (Bot Builder's <c>AutoSaveStateMiddleware</c>) and holds the turn's
/// replies back until they are saved (as Bot Builder's scale-out sample advises). So when two turns of one conversation
/// race and this one loses (<see cref="EtagException"/>), the user never sees a question that belongs to discarded state:
/// the replies are dropped and the error handler asks them to send their answer again. Replies sent after a failure
/// (the error handler's) go out directly.
/// <para>
/// The states are loaded up front in one storage read and saved in one storage write (<see cref="BotStateSet"/>), so a
/// turn costs one round trip each way however many states it uses.
/// </para>
/// </summary>
public sealed class AutoSaveStateMiddleware : IMiddleware
{
    private readonly BotStateSet _states;

    public AutoSaveStateMiddleware(params BotState[] states)
        : this(new BotStateSet(states))
    {
    }

    public AutoSaveStateMiddleware(BotStateSet states)
    {
        ArgumentNullException.ThrowIfNull(states);
        _states = states;
    }

    /// <summary>The states loaded and saved every turn.</summary>
    public BotStateSet BotStateSet => _states;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var held = new List<Func<Task<ResourceResponse[]>>>();
        var holding = true;
        turnContext.OnSendActivities((context, activities, sendOn) =>
        {
            if (!holding)
            {
                return sendOn();
            }

            held.Add(sendOn);
            var responses = new ResourceResponse[activities.Count];
            Array.Fill(responses, new ResourceResponse());
            return Task.FromResult(responses);
        });

        try
        {
            await _states.LoadAllAsync(turnContext, cancellationToken: cancellationToken).ConfigureAwait(false);
            await next(cancellationToken).ConfigureAwait(false);
            await _states.SaveAllChangesAsync(turnContext, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            holding = false;
            held.Clear();
            throw;
        }

        holding = false;
        foreach (var sendOn in held)
        {
            await sendOn().ConfigureAwait(false);
        }
    }
}
