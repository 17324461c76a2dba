using System.Text;
using PrescreenBot.Bot.Prompts.Recognizers;
using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Bot.Prompts;

/// <summary>Renders choices as suggested actions, a hero card, or text, as Bot Builder's <c>ChoiceFactory</c>.</summary>
public static class ChoiceFactory
{
    /// <summary>Most quick replies Web Chat / Direct Line show.</summary>
    private const int MaxSuggestedActions = 100;

    /// <summary>Teams shows suggested actions only in personal chats, and at most three.</summary>
    private const int MaxTeamsSuggestedActions = 3;

    /// <summary>Most buttons Teams allows on a card.</summary>
    private const int MaxTeamsCardActions = 50;

    /// <summary>Up to this many choices read well inline; more become a list.</summary>
    private const int MaxInlineChoices = 3;

    public static IList<Choice> ToChoices(IEnumerable<string> values) => values.Select(v => new Choice(v)).ToList();

    /// <summary>Chooses the style for the channel (see <see cref="ListStyle.Auto"/>) and renders.</summary>
    public static Activity ForChannel(string? channelId, IList<Choice> choices, string? text = null, string? speak = null, ChoiceLabels? labels = null, string? conversationType = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return Render(AutoStyle(channelId, choices.Count, conversationType), choices, text, speak, labels);
    }

    public static ListStyle AutoStyle(string? channelId, int count, string? conversationType = null) => channelId switch
    {
        Channels.Msteams when conversationType is null or "personal" && count <= MaxTeamsSuggestedActions => ListStyle.SuggestedAction,
        Channels.Msteams when count <= MaxTeamsCardActions => ListStyle.HeroCard,
        Channels.Msteams => count <= MaxInlineChoices ? ListStyle.Inline : ListStyle.List,
        Channels.Console => count <= MaxInlineChoices ? ListStyle.Inline : ListStyle.List,
        _ when count <= MaxSuggestedActions => ListStyle.SuggestedAction,
        _ => ListStyle.List,
    };

    public static Activity Render(ListStyle style, IList<Choice> choices, string? text = null, string? speak = null, ChoiceLabels? labels = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return style switch
        {
            ListStyle.SuggestedAction => SuggestedAction(choices, text, speak),
            ListStyle.HeroCard => HeroCard(choices, text, speak),
            ListStyle.Inline => Inline(choices, text, speak, labels),
            ListStyle.List => List(choices, text, speak),
            _ => MessageFactory.Text(text, speak, InputHints.ExpectingInput),
        };
    }

    public static Activity SuggestedAction(IList<Choice> choices, string? text = null, string? speak = null) =>
        MessageFactory.SuggestedActions(ToActions(choices), text, speak, InputHints.ExpectingInput);

    public static Activity HeroCard(IList<Choice> choices, string? text = null, string? speak = null)
    {
        var card = new HeroCard { Buttons = ToActions(choices).ToList() };
        return MessageFactory.Attachment(card.ToAttachment(), text, speak, InputHints.ExpectingInput);
    }

    /// <summary>"text (1) A, (2) B, or (3) C".</summary>
    public static Activity Inline(IList<Choice> choices, string? text = null, string? speak = null, ChoiceLabels? labels = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        labels ??= LanguageRecognizers.English.Labels;
        var builder = new StringBuilder(text);
        if (builder.Length > 0)
        {
            builder.Append(' ');
        }

        for (var i = 0; i < choices.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(i < choices.Count - 1 ? labels.InlineSeparator : choices.Count == 2 ? labels.InlineOr : labels.InlineOrMore);
            }

            builder.Append('(').Append(i + 1).Append(") ").Append(Title(choices[i]));
        }

        return MessageFactory.Text(builder.ToString(), speak, InputHints.ExpectingInput);
    }

    /// <summary>The text followed by one numbered line per choice.</summary>
    public static Activity List(IList<Choice> choices, string? text = null, string? speak = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var builder = new StringBuilder(text);
        for (var i = 0; i < choices.Count; i++)
        {
            builder.Append(builder.Length > 0 ? "\n\n" : string.Empty).Append("   ").Append(i + 1).Append(". ").Append(Title(choices[i]));
        }

        return MessageFactory.Text(builder.ToString(), speak, InputHints.ExpectingInput);
    }

    public static IEnumerable<CardAction> ToActions(IEnumerable<Choice> choices) =>
        choices.Select(c => c.Action ?? new CardAction(ActionTypes.ImBack, c.Value, c.Value));

    private static string Title(Choice choice) => choice.Action?.Title ?? choice.Value;
}
