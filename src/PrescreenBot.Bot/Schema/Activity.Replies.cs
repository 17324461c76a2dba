namespace PrescreenBot.Bot.Schema;

public sealed partial class Activity
{
    /// <summary>A new message activity of <paramref name="type"/>.</summary>
    public static Activity Create(string type) => new() { Type = type };

    /// <summary>A message replying to this activity: from/recipient swapped, same conversation, channel and locale.</summary>
    public Activity CreateReply(string? text = null, string? locale = null) => new()
    {
        Type = ActivityTypes.Message,
        From = Recipient is null ? null : new ChannelAccount(Recipient.Id ?? string.Empty, Recipient.Name, Recipient.Role),
        Recipient = From is null ? null : new ChannelAccount(From.Id ?? string.Empty, From.Name, From.Role),
        ReplyToId = Id,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        Conversation = Conversation,
        Text = text ?? string.Empty,
        Locale = locale ?? Locale,
        InputHint = InputHints.AcceptingInput,
    };

    /// <summary>The reference that addresses this activity's conversation later.</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Type == ActivityTypes.ConversationUpdate && ChannelId is Channels.Directline or Channels.Webchat ? null : Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Locale = Locale,
    };

    /// <summary>
    /// Addresses this activity with <paramref name="reference"/>. Outgoing (the default): from = bot, recipient = user,
    /// reply to the referenced activity; incoming: from = user, recipient = bot. Fields already set are kept only for
    /// <see cref="Locale"/>; addressing always comes from the reference.
    /// </summary>
    public Activity ApplyConversationReference(ConversationReference reference, bool isIncoming = false)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ChannelId = reference.ChannelId;
        ServiceUrl = reference.ServiceUrl;
        Conversation = reference.Conversation;
        Locale ??= reference.Locale;
        if (isIncoming)
        {
            From = reference.User;
            Recipient = reference.Bot;
            Id = reference.ActivityId ?? Id;
        }
        else
        {
            From = reference.Bot;
            Recipient = reference.User;
            ReplyToId = reference.ActivityId ?? ReplyToId;
        }

        return this;
    }

    /// <summary>A shallow copy: top-level fields are copied, nested objects and lists are shared.</summary>
    public Activity Clone() => (Activity)MemberwiseClone();

    /// <summary>True when <see cref="Type"/> is <paramref name="type"/> (ordinal, as the spec requires).</summary>
    public bool IsType(string type) => string.Equals(Type, type, StringComparison.Ordinal);
}
