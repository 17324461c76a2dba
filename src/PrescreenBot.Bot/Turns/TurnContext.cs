using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Bot.Turns;

/// <summary>
/// The context of one turn. Outgoing activities are addressed from the incoming one, run through the registered
/// hooks (last registered runs innermost) and handed to the adapter — or, when the incoming activity asked for
/// <see cref="DeliveryModes.ExpectReplies"/>, collected in <see cref="BufferedReplyActivities"/> for the channel to return.
/// </summary>
public sealed class TurnContext : ITurnContext
{
    private readonly List<SendActivitiesHandler> _onSendActivities = [];
    private readonly List<UpdateActivityHandler> _onUpdateActivity = [];
    private readonly List<DeleteActivityHandler> _onDeleteActivity = [];
    private ConversationReference? _reference;

    public TurnContext(BotAdapter adapter, Activity activity)
    {
        Adapter = adapter ?? throw new ArgumentNullException(nameof(adapter));
        Activity = activity ?? throw new ArgumentNullException(nameof(activity));
    }

    public BotAdapter Adapter { get; }

    public TurnContextStateCollection TurnState { get; } = [];

    public Activity Activity { get; }

    public bool Responded { get; private set; }

    /// <summary>Replies held back for an <c>expectReplies</c> turn, in the order they were sent.</summary>
    public List<Activity> BufferedReplyActivities { get; } = [];

    private ConversationReference Reference => _reference ??= Activity.GetConversationReference();

    public Task<ResourceResponse?> SendActivityAsync(string textReplyToSend, string? speak = null, string inputHint = InputHints.AcceptingInput, CancellationToken cancellationToken = default) =>
        SendActivityAsync(MessageFactory.Text(textReplyToSend, speak, inputHint), cancellationToken);

    public async Task<ResourceResponse?> SendActivityAsync(IActivity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var responses = await SendActivitiesAsync([activity], cancellationToken).ConfigureAwait(false);
        return responses.Length > 0 ? responses[0] : null;
    }

    public Task<ResourceResponse[]> SendActivitiesAsync(IActivity[] activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (activities.Length == 0)
        {
            return Task.FromResult(Array.Empty<ResourceResponse>());
        }

        var reference = Reference;
        var outgoing = new List<Activity>(activities.Length);
        foreach (var item in activities)
        {
            var activity = AsActivity(item);
            activity.ApplyConversationReference(reference);
            outgoing.Add(activity);

            // Counted when the bot sends, not when the channel receives: middleware may hold replies back until state is saved.
            Responded |= !activity.IsType(ActivityTypes.Trace) && !activity.IsType(ActivityTypes.InvokeResponse);
        }

        if (_onSendActivities.Count == 0)
        {
            return SendThroughAdapterAsync(outgoing, cancellationToken);
        }

        return RunSendHandlersAsync(0, outgoing, cancellationToken);
    }

    public Task<ResourceResponse> UpdateActivityAsync(IActivity activity, CancellationToken cancellationToken = default)
    {
        var update = AsActivity(activity);
        update.ApplyConversationReference(Reference);
        return RunUpdateHandlersAsync(0, update, cancellationToken);
    }

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var reference = Activity.GetConversationReference();
        reference.ActivityId = activityId;
        return DeleteActivityAsync(reference, cancellationToken);
    }

    public Task DeleteActivityAsync(ConversationReference conversationReference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationReference);
        return RunDeleteHandlersAsync(0, conversationReference, cancellationToken);
    }

    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        _onSendActivities.Add(handler ?? throw new ArgumentNullException(nameof(handler)));
        return this;
    }

    public ITurnContext OnUpdateActivity(UpdateActivityHandler handler)
    {
        _onUpdateActivity.Add(handler ?? throw new ArgumentNullException(nameof(handler)));
        return this;
    }

    public ITurnContext OnDeleteActivity(DeleteActivityHandler handler)
    {
        _onDeleteActivity.Add(handler ?? throw new ArgumentNullException(nameof(handler)));
        return this;
    }

    private static Activity AsActivity(IActivity activity) =>
        activity as Activity ?? throw new ArgumentException($"Expected an {nameof(Schema.Activity)}, got {activity.GetType().Name}.", nameof(activity));

    private Task<ResourceResponse[]> RunSendHandlersAsync(int index, List<Activity> activities, CancellationToken cancellationToken) =>
        index == _onSendActivities.Count
            ? SendThroughAdapterAsync(activities, cancellationToken)
            : _onSendActivities[index](this, activities, () => RunSendHandlersAsync(index + 1, activities, cancellationToken));

    private async Task<ResourceResponse[]> SendThroughAdapterAsync(List<Activity> activities, CancellationToken cancellationToken)
    {
        if (activities.Count == 0)
        {
            return [];
        }

        ResourceResponse[] responses;
        if (string.Equals(Activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal))
        {
            responses = new ResourceResponse[activities.Count];
            for (var i = 0; i < activities.Count; i++)
            {
                BufferedReplyActivities.Add(activities[i]);
                responses[i] = new ResourceResponse();
            }
        }
        else
        {
            responses = await Adapter.SendActivitiesAsync(this, [.. activities], cancellationToken).ConfigureAwait(false);
        }

        return responses;
    }

    private Task<ResourceResponse> RunUpdateHandlersAsync(int index, Activity activity, CancellationToken cancellationToken) =>
        index == _onUpdateActivity.Count
            ? Adapter.UpdateActivityAsync(this, activity, cancellationToken)
            : _onUpdateActivity[index](this, activity, () => RunUpdateHandlersAsync(index + 1, activity, cancellationToken));

    private Task RunDeleteHandlersAsync(int index, ConversationReference reference, CancellationToken cancellationToken) =>
        index == _onDeleteActivity.Count
            ? Adapter.DeleteActivityAsync(this, reference, cancellationToken)
            : _onDeleteActivity[index](this, reference, () => RunDeleteHandlersAsync(index + 1, reference, cancellationToken));
}
