namespace PrescreenBot.Bot.Turns;

/// <summary>A step of the adapter's pipeline around the bot; call <paramref name="next"/> to go on.</summary>
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default);
}
