using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Bot.Turns;

/// <summary>Everything about one turn: the incoming activity, a way to reply, and per-turn state.</summary>
public interface ITurnContext
{
    BotAdapter Adapter { get; }

    /// <summary>Per-turn cache (state, services); cleared when the turn ends.</summary>
    TurnContextStateCollection TurnState { get; }

    /// <summary>The incoming activity.</summary>
    Activity Activity { get; }

    /// <summary>True once the bot has sent a visible activity (not a trace) this turn.</summary>
    bool Responded { get; }

    /// <summary>Sends a text message; returns the channel's id for it.</summary>
    Task<ResourceResponse?> SendActivityAsync(string textReplyToSend, string? speak = null, string inputHint = InputHints.AcceptingInput, CancellationToken cancellationToken = default);

    /// <summary>Sends one activity, addressed as a reply to the incoming one.</summary>
    Task<ResourceResponse?> SendActivityAsync(IActivity activity, CancellationToken cancellationToken = default);

    /// <summary>Sends activities in order, addressed as replies to the incoming one.</summary>
    Task<ResourceResponse[]> SendActivitiesAsync(IActivity[] activities, CancellationToken cancellationToken = default);

    Task<ResourceResponse> UpdateActivityAsync(IActivity activity, CancellationToken cancellationToken = default);

    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default);

    Task DeleteActivityAsync(ConversationReference conversationReference, CancellationToken cancellationToken = default);

    ITurnContext OnSendActivities(SendActivitiesHandler handler);

    ITurnContext OnUpdateActivity(UpdateActivityHandler handler);

    ITurnContext OnDeleteActivity(DeleteActivityHandler handler);
}
