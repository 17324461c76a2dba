using System.Text.RegularExpressions;
using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Channels.Teams;

/// <summary>
/// In Teams group chats and channels the bot only hears messages that @mention it, and the text then starts with
/// <c>&lt;at&gt;BotName&lt;/at&gt;</c>. The bot's own mention is removed (Bot Builder's <c>RemoveRecipientMention</c>);
/// mentions of other people keep the name but lose the tags (<c>NormalizeMentions</c>), so the answer reads as typed.
/// </summary>
public static partial class TeamsMentions
{
    /// <summary>Removes the bot's mention from <paramref name="activity"/>'s text and trims it.</summary>
    public static void RemoveRecipientMention(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Text is not { Length: > 0 } text || activity.Entities is not { Count: > 0 } entities)
        {
            return;
        }

        var botId = activity.Recipient?.Id;
        foreach (var entity in entities)
        {
            if (!string.Equals(entity.Type, Mention.EntityType, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var mention = entity.GetAs<Mention>();
            if (mention.Mentioned?.Id is not { } mentionedId || !string.Equals(mentionedId, botId, StringComparison.Ordinal))
            {
                continue;
            }

            var mentionText = mention.Text ?? $"<at>{mention.Mentioned.Name}</at>";
            text = Regex.Replace(text, Regex.Escape(mentionText), string.Empty, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);
        }

        activity.Text = AtTags().Replace(text, "$1").Trim();
    }

    /// <summary>Teams text is short; a generous bound keeps a crafted message from stalling the regex engine.</summary>
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    [GeneratedRegex("<at>(.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex AtTags();
}
