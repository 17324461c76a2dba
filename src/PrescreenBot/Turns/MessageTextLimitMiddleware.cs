using Microsoft.Extensions.Options;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.Turns;
using IMiddleware = PrescreenBot.Bot.Turns.IMiddleware;
using PrescreenBot.Limits;

namespace PrescreenBot.Turns;

/// <summary>
/// A message longer than <see cref="RequestLimitsOptions.MaxMessageTextLength"/> never reaches the bot: the patient is
/// told, politely, and the conversation stays where it was (nothing is recorded as an answer).
/// </summary>
public sealed class MessageTextLimitMiddleware(IOptions<RequestLimitsOptions> options) : IMiddleware
{
    private readonly int _maxLength = options.Value.MaxMessageTextLength;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (activity.IsType(ActivityTypes.Message) && activity.Text is { } text && text.Length > _maxLength)
        {
            await turnContext.SendActivityAsync(HostReplies.MessageTooLong(activity.Locale, _maxLength), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await next(cancellationToken).ConfigureAwait(false);
    }
}
