using System.Collections.Concurrent;
using System.Globalization;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.Testing;

/// <summary>
/// An in-memory channel for tests, as Bot Builder's <c>TestAdapter</c>: builds incoming activities for one test
/// conversation, runs the pipeline, and records every reply in <see cref="ActiveQueue"/>. Incoming activities with
/// <see cref="DeliveryModes.ExpectReplies"/> return their replies from <see cref="ProcessActivityAsync"/> instead.
/// </summary>
public sealed class TestAdapter : BotAdapter
{
    /// <summary>Service URL of the test conversation; nothing is ever sent there.</summary>
    public const string TestServiceUrl = "https://test.invalid/";

    private readonly ConcurrentQueue<Activity> _replies = new();
    private int _nextId;

    public TestAdapter(string channelId = Channels.Test, string locale = "en-US", TimeProvider? timeProvider = null)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
        Locale = locale;
        Conversation = new ConversationReference
        {
            ChannelId = channelId,
            ServiceUrl = TestServiceUrl,
            User = new ChannelAccount("user1", "User1", RoleTypes.User),
            Bot = new ChannelAccount("bot", "Bot", RoleTypes.Bot),
            Conversation = new ConversationAccount("Convo1", isGroup: false, conversationType: "personal"),
            Locale = locale,
        };
    }

    /// <summary>Addressing of the test conversation; change it to simulate another user or conversation.</summary>
    public ConversationReference Conversation { get; set; }

    /// <summary>Locale given to incoming activities that have none.</summary>
    public string Locale { get; set; }

    /// <summary>Source of timestamps and of <see cref="Activity.LocalTimestamp"/> for incoming activities.</summary>
    public TimeProvider TimeProvider { get; set; }

    /// <summary>Replies not yet taken, oldest first.</summary>
    public IReadOnlyCollection<Activity> ActiveQueue => _replies;

    /// <summary>Activities the bot updated, in order.</summary>
    public List<Activity> UpdatedActivities { get; } = [];

    /// <summary>References of activities the bot deleted, in order.</summary>
    public List<ConversationReference> DeletedActivities { get; } = [];

    /// <summary>Takes the oldest reply, or null when there is none.</summary>
    public Activity? GetNextReply() => _replies.TryDequeue(out var reply) ? reply : null;

    /// <summary>A message from the test user, addressed to the bot.</summary>
    public Activity MakeActivity(string? text = null) =>
        new Activity { Type = ActivityTypes.Message, Text = text }.ApplyConversationReference(Conversation, isIncoming: true);

    /// <summary>Sends a text message from the user and runs the turn.</summary>
    public Task SendTextToBotAsync(string text, BotCallbackHandler callback, CancellationToken cancellationToken = default) =>
        ProcessActivityAsync(MakeActivity(text), callback, cancellationToken);

    /// <summary>
    /// Runs one turn. Missing addressing, id, timestamps and locale are filled in from the test conversation.
    /// Returns the replies of an <c>expectReplies</c> turn (empty otherwise: those replies are in <see cref="ActiveQueue"/>).
    /// </summary>
    public async Task<IReadOnlyList<Activity>> ProcessActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(callback);
        activity.Type ??= ActivityTypes.Message;
        activity.ChannelId ??= Conversation.ChannelId;
        activity.ServiceUrl ??= Conversation.ServiceUrl;
        activity.From ??= Conversation.User;
        activity.Recipient ??= Conversation.Bot;
        activity.Conversation ??= Conversation.Conversation;
        activity.Locale ??= Locale;
        activity.Id ??= Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        activity.Timestamp ??= TimeProvider.GetUtcNow();
        activity.LocalTimestamp ??= TimeProvider.GetLocalNow();

        var context = new TurnContext(this, activity);
        await RunPipelineAsync(context, callback, cancellationToken).ConfigureAwait(false);
        return context.BufferedReplyActivities;
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            activity.Id ??= $"r{Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture)}";
            activity.Timestamp ??= TimeProvider.GetUtcNow();
            if (!activity.IsType(ActivityTypes.InvokeResponse))
            {
                _replies.Enqueue(activity);
            }

            responses[i] = new ResourceResponse(activity.Id);
        }

        return Task.FromResult(responses);
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        lock (UpdatedActivities)
        {
            UpdatedActivities.Add(activity);
        }

        return Task.FromResult(new ResourceResponse(activity.Id));
    }

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        lock (DeletedActivities)
        {
            DeletedActivities.Add(reference);
        }

        return Task.CompletedTask;
    }
}
