namespace PrescreenBot.Bot.Schema;

/// <summary>Shortcuts for building outgoing message activities, as Bot Builder's <c>MessageFactory</c>.</summary>
public static class MessageFactory
{
    /// <summary>A plain text message. No input hint unless given, so a prompt can mark its question <c>expectingInput</c>.</summary>
    public static Activity Text(string? text, string? speak = null, string? inputHint = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Speak = speak,
        InputHint = inputHint,
    };

    /// <summary>A message with quick-reply buttons (<c>imBack</c> with title = value = each string).</summary>
    public static Activity SuggestedActions(IEnumerable<string> actions, string? text = null, string? speak = null, string? inputHint = null) =>
        SuggestedActions(actions.Select(a => new CardAction(ActionTypes.ImBack, a, a)), text, speak, inputHint);

    /// <summary>A message with the given quick-reply buttons.</summary>
    public static Activity SuggestedActions(IEnumerable<CardAction> actions, string? text = null, string? speak = null, string? inputHint = null)
    {
        var activity = Text(text, speak, inputHint);
        activity.SuggestedActions = new SuggestedActions { Actions = actions.ToList() };
        return activity;
    }

    /// <summary>A message carrying one attachment.</summary>
    public static Activity Attachment(Attachment attachment, string? text = null, string? speak = null, string? inputHint = null) =>
        Attachment([attachment], text, speak, inputHint);

    /// <summary>A message carrying attachments shown as a list.</summary>
    public static Activity Attachment(IEnumerable<Attachment> attachments, string? text = null, string? speak = null, string? inputHint = null)
    {
        var activity = Text(text, speak, inputHint);
        activity.AttachmentLayout = AttachmentLayoutTypes.List;
        activity.Attachments = attachments.ToList();
        return activity;
    }

    /// <summary>Attachments shown side by side.</summary>
    public static Activity Carousel(IEnumerable<Attachment> attachments, string? text = null, string? speak = null, string? inputHint = null)
    {
        var activity = Attachment(attachments, text, speak, inputHint);
        activity.AttachmentLayout = AttachmentLayoutTypes.Carousel;
        return activity;
    }
}
