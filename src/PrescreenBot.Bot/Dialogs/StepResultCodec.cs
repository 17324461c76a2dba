using System.Text.Json;
using System.Text.Json.Serialization;
using PrescreenBot.Bot.Prompts;
using PrescreenBot.Bot.State;

namespace PrescreenBot.Bot.Dialogs;

/// <summary>
/// Keeps a step's input result in state so "back" can run the step again with the same <c>Result</c>, typed as before.
/// Only a closed set of result types is re-typed (the prompts' results and primitives) — never a type named by stored
/// data; anything else comes back as a <see cref="JsonElement"/>.
/// </summary>
internal static class StepResultCodec
{
    public static WaterfallHistoryEntry Encode(int step, object? result) => result switch
    {
        null => new WaterfallHistoryEntry { Step = step },
        string => new WaterfallHistoryEntry { Step = step, Type = "s", Value = result },
        bool => new WaterfallHistoryEntry { Step = step, Type = "b", Value = result },
        int => new WaterfallHistoryEntry { Step = step, Type = "i", Value = result },
        long => new WaterfallHistoryEntry { Step = step, Type = "l", Value = result },
        double => new WaterfallHistoryEntry { Step = step, Type = "d", Value = result },
        float => new WaterfallHistoryEntry { Step = step, Type = "f", Value = result },
        decimal => new WaterfallHistoryEntry { Step = step, Type = "m", Value = result },
        FoundChoice => new WaterfallHistoryEntry { Step = step, Type = "choice", Value = result },
        YesNoUnsure => new WaterfallHistoryEntry { Step = step, Type = "yns", Value = result },
        IList<DateTimeResolution> => new WaterfallHistoryEntry { Step = step, Type = "dates", Value = result },
        PromptNotRecognized => new WaterfallHistoryEntry { Step = step, Type = "none", Value = result },
        _ => new WaterfallHistoryEntry { Step = step, Type = "json", Value = result },
    };

    public static object? Decode(WaterfallHistoryEntry entry) => entry.Type switch
    {
        null => null,
        "s" => StateValues.ConvertTo<string>(entry.Value),
        "b" => StateValues.ConvertTo<bool>(entry.Value),
        "i" => StateValues.ConvertTo<int>(entry.Value),
        "l" => StateValues.ConvertTo<long>(entry.Value),
        "d" => StateValues.ConvertTo<double>(entry.Value),
        "f" => StateValues.ConvertTo<float>(entry.Value),
        "m" => StateValues.ConvertTo<decimal>(entry.Value),
        "choice" => StateValues.ConvertTo<FoundChoice>(entry.Value),
        "yns" => StateValues.ConvertTo<YesNoUnsure>(entry.Value),
        "dates" => StateValues.ConvertTo<List<DateTimeResolution>>(entry.Value),
        "none" => StateValues.ConvertTo<PromptNotRecognized>(entry.Value),
        _ => entry.Value is JsonElement ? entry.Value : StateValues.ConvertTo<JsonElement>(entry.Value),
    };
}

/// <summary>A waterfall step that waited for the user, and the result it had been given (for "back").</summary>
internal sealed class WaterfallHistoryEntry
{
    [JsonPropertyName("s")]
    public int Step { get; set; }

    [JsonPropertyName("t")]
    public string? Type { get; set; }

    [JsonPropertyName("v")]
    public object? Value { get; set; }
}
