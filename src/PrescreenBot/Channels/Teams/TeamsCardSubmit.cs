using System.Text.Json;
using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Channels.Teams;

/// <summary>
/// Answers given with an Adaptive Card button (see <see cref="TeamsSuggestedActionsCard"/>) arrive from Teams as a
/// message whose <c>value</c> holds the card's data and whose text is empty; this puts the answer back into the text,
/// so the conversation reads a clicked answer exactly like a typed one.
/// </summary>
public static class TeamsCardSubmit
{
    /// <summary>The property of the Action.Submit data that carries the answer.</summary>
    public const string AnswerProperty = "prescreenAnswer";

    /// <summary>Sets the text from the submitted answer when the text is empty; returns whether it did.</summary>
    public static bool MapSubmittedAnswer(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!activity.IsType(ActivityTypes.Message) || !string.IsNullOrWhiteSpace(activity.Text))
        {
            return false;
        }

        var value = activity.Value switch
        {
            JsonElement element => element,
            null => default,
            var other => JsonSerializer.SerializeToElement(other, BotJson.Options),
        };
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty(AnswerProperty, out var answer)
            || answer.ValueKind != JsonValueKind.String
            || answer.GetString() is not { Length: > 0 } text)
        {
            return false;
        }

        activity.Text = text;
        return true;
    }
}
