namespace PrescreenBot.Bot.Turns;

/// <summary>An ordered list of middleware, run first to last, then the bot callback.</summary>
public sealed class MiddlewareSet : IMiddleware
{
    private readonly List<IMiddleware> _middleware = [];

    public int Count => _middleware.Count;

    public MiddlewareSet Use(IMiddleware middleware)
    {
        _middleware.Add(middleware ?? throw new ArgumentNullException(nameof(middleware)));
        return this;
    }

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default) =>
        RunAsync(turnContext, 0, ct => next(ct), cancellationToken);

    /// <summary>Runs the middleware and then <paramref name="callback"/> (if any) with the same context.</summary>
    public Task ReceiveActivityWithStatusAsync(ITurnContext turnContext, BotCallbackHandler? callback, CancellationToken cancellationToken = default) =>
        RunAsync(turnContext, 0, ct => callback is null ? Task.CompletedTask : callback(turnContext, ct), cancellationToken);

    private Task RunAsync(ITurnContext turnContext, int index, Func<CancellationToken, Task> last, CancellationToken cancellationToken) =>
        index == _middleware.Count
            ? last(cancellationToken)
            : _middleware[index].OnTurnAsync(turnContext, ct => RunAsync(turnContext, index + 1, last, ct), cancellationToken);
}
