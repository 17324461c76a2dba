using System.Collections.Concurrent;

namespace PrescreenBot.Bot.State;

/// <summary>
/// The type behind each state property name, learned from <see cref="BotState.CreateProperty{T}"/>, so a loaded
/// document deserializes straight into typed values instead of an intermediate JSON tree (the biggest allocation of a
/// turn). A name used with two different types is left untyped (JSON until first access), as is anything that does
/// not deserialize as the registered type.
/// </summary>
internal static class StatePropertyTypes
{
    private static readonly ConcurrentDictionary<string, Type?> Types = new(StringComparer.Ordinal);

    public static void Register(string name, Type type)
    {
        if (type == typeof(object) || type.IsPrimitive || type == typeof(string))
        {
            return;
        }

        Types.AddOrUpdate(name, type, (_, existing) => existing == type ? existing : null);
    }

    public static Type? Find(string name) => Types.TryGetValue(name, out var type) ? type : null;
}
