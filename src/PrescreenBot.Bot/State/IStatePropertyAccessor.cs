using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.State;

/// <summary>One named property of a <see cref="BotState"/>, read and written within a turn.</summary>
public interface IStatePropertyAccessor<T>
{
    string Name { get; }

    /// <summary>
    /// The value, loading state if needed. When absent, <paramref name="defaultValueFactory"/> (if given) creates one and
    /// it is stored; otherwise <c>default</c> is returned.
    /// </summary>
    Task<T?> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default);

    Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default);

    Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}
