using System.Text.Json.Nodes;
using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Channels.Teams;

/// <summary>
/// Teams shows suggested actions only in one-to-one chats and only up to three, so our prompts' quick replies
/// (Yes / No / Not sure / back / help…) are turned into an Adaptive Card with one <c>Action.Submit</c> per choice. Each
/// button's data carries the answer (<see cref="TeamsCardSubmit.AnswerProperty"/>) and asks Teams to post it as a
/// visible message (<c>msteams.messageBack</c>), so the chat shows what the patient chose.
/// </summary>
public static class TeamsSuggestedActionsCard
{
    /// <summary>Adaptive Cards 1.5 is the newest version Teams renders on every client.</summary>
    public const string CardVersion = "1.5";

    /// <summary>Moves <paramref name="activity"/>'s suggested actions into an Adaptive Card attachment; returns whether it did.</summary>
    public static bool Apply(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.SuggestedActions?.Actions is not { Count: > 0 } actions)
        {
            return false;
        }

        var cardActions = new JsonArray();
        foreach (var action in actions)
        {
            if (ToCardAction(action) is { } cardAction)
            {
                cardActions.Add(cardAction);
            }
        }

        activity.SuggestedActions = null;
        if (cardActions.Count == 0)
        {
            return false;
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = CardVersion,
            ["body"] = new JsonArray(),
            ["actions"] = cardActions,
        };
        activity.Attachments = [.. activity.Attachments ?? [], Attachment.FromAdaptiveCard(card)];
        return true;
    }

    private static JsonObject? ToCardAction(CardAction action)
    {
        var title = action.Title ?? action.Value?.ToString() ?? action.Text;
        switch (action.Type)
        {
            case ActionTypes.ImBack or ActionTypes.PostBack or ActionTypes.MessageBack:
                var answer = action.Type == ActionTypes.MessageBack ? action.Text ?? action.Value?.ToString() : action.Value?.ToString() ?? action.Title;
                if (string.IsNullOrEmpty(answer))
                {
                    return null;
                }

                return new JsonObject
                {
                    ["type"] = "Action.Submit",
                    ["title"] = title ?? answer,
                    ["data"] = new JsonObject
                    {
                        [TeamsCardSubmit.AnswerProperty] = answer,
                        ["msteams"] = new JsonObject
                        {
                            ["type"] = "messageBack",
                            ["displayText"] = action.DisplayText ?? title ?? answer,
                            ["text"] = answer,
                        },
                    },
                };
            case ActionTypes.OpenUrl when action.Value?.ToString() is { Length: > 0 } url:
                return new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = title ?? url, ["url"] = url };
            default:
                return null;
        }
    }
}
