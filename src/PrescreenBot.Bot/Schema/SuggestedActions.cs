namespace PrescreenBot.Bot.Schema;

/// <summary>Quick replies shown under a message until the user answers.</summary>
public sealed class SuggestedActions
{
    public SuggestedActions()
    {
    }

    public SuggestedActions(IEnumerable<string>? to, IEnumerable<CardAction> actions)
    {
        To = to?.ToList();
        Actions = actions.ToList();
    }

    /// <summary>Ids of the recipients who should see the actions.</summary>
    public IList<string>? To { get; set; }
    public IList<CardAction> Actions { get; set; } = [];
}
