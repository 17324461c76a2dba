using System.Text.Json;
using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Bot.State;

/// <summary>
/// Typed reads from state bags. Values written in this turn come back as written; values that made a JSON round trip
/// through <see cref="IStorage"/> come back as <see cref="JsonElement"/>, and these helpers turn them into the type you ask for
/// (and keep the typed value in the bag, so the conversion happens once per turn).
/// </summary>
public static class StateValues
{
    /// <summary>The value of <paramref name="key"/> as <typeparamref name="T"/>; throws <see cref="KeyNotFoundException"/> when absent.</summary>
    public static T Get<T>(this IDictionary<string, object?> bag, string key)
    {
        ArgumentNullException.ThrowIfNull(bag);
        return bag.TryGet<T>(key, out var value) ? value! : throw new KeyNotFoundException($"No state value '{key}'.");
    }

    /// <summary>The value of <paramref name="key"/> as <typeparamref name="T"/>, or <paramref name="defaultValue"/> when absent or null.</summary>
    public static T GetOrDefault<T>(this IDictionary<string, object?> bag, string key, T defaultValue = default!)
    {
        ArgumentNullException.ThrowIfNull(bag);
        if (!bag.TryGetValue(key, out var raw) || raw is null or JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined })
        {
            return defaultValue;
        }

        return bag.TryGet<T>(key, out var value) && value is not null ? value : defaultValue;
    }

    /// <summary>True when <paramref name="key"/> is present; its value converted to <typeparamref name="T"/>.</summary>
    public static bool TryGet<T>(this IDictionary<string, object?> bag, string key, out T? value)
    {
        ArgumentNullException.ThrowIfNull(bag);
        if (!bag.TryGetValue(key, out var raw))
        {
            value = default;
            return false;
        }

        value = ConvertTo<T>(raw);
        if (raw is not T && value is not null)
        {
            bag[key] = value;
        }

        return true;
    }

    /// <summary>Converts a stored value (typed, boxed primitive or <see cref="JsonElement"/>) to <typeparamref name="T"/>.</summary>
    public static T? ConvertTo<T>(object? raw) => raw switch
    {
        null => default,
        T typed => typed,
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => default,
        JsonElement element => element.Deserialize<T>(BotJson.Options),
        IConvertible convertible when raw is not string && (Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T)).IsEnum =>
            (T)Enum.ToObject(Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), convertible.ToInt64(System.Globalization.CultureInfo.InvariantCulture)),
        IConvertible convertible when IsConvertibleTarget(typeof(T)) =>
            (T)Convert.ChangeType(convertible, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture),
        var other => JsonSerializer.SerializeToElement(other, other.GetType(), BotJson.Options).Deserialize<T>(BotJson.Options),
    };

    private static bool IsConvertibleTarget(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target.IsPrimitive || target == typeof(decimal) || target == typeof(string);
    }
}
