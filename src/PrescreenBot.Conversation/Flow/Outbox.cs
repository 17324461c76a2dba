using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Conversation.Flow;

/// <summary>What a step wants said before its question, collected so the dialog sends it in order.</summary>
public sealed class Outbox
{
    private readonly List<Activity> activities = [];

    public IReadOnlyList<Activity> Activities => activities;

    public void Say(string text, string locale)
    {
        var message = MessageFactory.Text(text);
        message.Locale = locale;
        activities.Add(message);
    }

    public void Add(Activity activity) => activities.Add(activity);

    /// <summary>An <c>event</c> activity (the machine-readable contract of embedding pages).</summary>
    public void Event(string name, object value) =>
        activities.Add(new Activity { Type = ActivityTypes.Event, Name = name, Value = value });

    public void Clear() => activities.Clear();

    /// <summary>Sends everything collected, in order, in one call (nothing when empty).</summary>
    public async Task SendAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (activities.Count > 0)
        {
            await turn.SendActivitiesAsync([.. activities], cancellationToken).ConfigureAwait(false);
        }
    }
}
