namespace PrescreenBot.Bot.Turns;

/// <summary>The bot: handles one turn (one incoming activity).</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}
