using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.State;

internal sealed class BotStatePropertyAccessor<T>(BotState state, string name) : IStatePropertyAccessor<T>
{
    public string Name { get; } = name;

    public async Task<T?> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default)
    {
        var bag = await state.LoadPropertiesAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (bag.TryGet<T>(Name, out var value) && value is not null)
        {
            return value;
        }

        if (defaultValueFactory is null)
        {
            return default;
        }

        var created = defaultValueFactory();
        bag[Name] = created;
        return created;
    }

    public async Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default)
    {
        var bag = await state.LoadPropertiesAsync(turnContext, cancellationToken).ConfigureAwait(false);
        bag[Name] = value;
    }

    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var bag = await state.LoadPropertiesAsync(turnContext, cancellationToken).ConfigureAwait(false);
        bag.Remove(Name);
    }
}
