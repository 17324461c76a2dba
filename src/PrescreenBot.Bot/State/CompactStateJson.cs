using System.Collections;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PrescreenBot.Bot.State;

/// <summary>
/// Options for writing typed state values compactly: a property is left out when it still holds what a freshly
/// constructed object of its type holds (null, false, 0, an empty collection, the initializer's value), since reading
/// the JSON back constructs that same object. Halves a finished pre-screen's stored state and the JSON every turn
/// fingerprints. Never leaves out a <c>required</c> property, and leaves types that cannot be constructed without
/// arguments as they are.
/// </summary>
internal static class CompactStateJson
{
    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> Compact = [];

    /// <summary>The compact variant of <paramref name="options"/> (made once per options instance).</summary>
    public static JsonSerializerOptions For(JsonSerializerOptions options) =>
        Compact.GetValue(options, static source =>
        {
            var compact = new JsonSerializerOptions(source)
            {
                TypeInfoResolver = (source.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(OmitInitialValues),
            };
            compact.MakeReadOnly();
            return compact;
        });

    private static void OmitInitialValues(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.CreateObject is null || typeInfo.Type.IsValueType)
        {
            return;
        }

        object fresh;
        try
        {
            fresh = typeInfo.CreateObject();
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or MissingMethodException)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.IsRequired || property.Get is not { } get || property.Set is null)
            {
                continue;
            }

            var initial = get(fresh);
            var initialIsEmptyCollection = initial is IEnumerable and not string && IsEmpty((IEnumerable)initial);
            var existing = property.ShouldSerialize;
            property.ShouldSerialize = (owner, value) =>
                (existing is null || existing(owner, value)) && !IsInitial(value, initial, initialIsEmptyCollection);
        }
    }

    private static bool IsInitial(object? value, object? initial, bool initialIsEmptyCollection) => value switch
    {
        null => initial is null,
        string => Equals(value, initial),
        IEnumerable collection => initialIsEmptyCollection && initial!.GetType() == value.GetType() && IsEmpty(collection),
        _ => Equals(value, initial),
    };

    private static bool IsEmpty(IEnumerable collection)
    {
        if (collection is ICollection sized)
        {
            return sized.Count == 0;
        }

        var enumerator = collection.GetEnumerator();
        try
        {
            return !enumerator.MoveNext();
        }
        finally
        {
            (enumerator as IDisposable)?.Dispose();
        }
    }
}
