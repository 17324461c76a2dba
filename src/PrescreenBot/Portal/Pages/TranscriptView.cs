using PrescreenBot.Bot.Schema;
using PrescreenBot.Portal.Markup;
using PrescreenBot.Referrals.Transcripts;
using static PrescreenBot.Portal.Markup.HtmlTemplate;

namespace PrescreenBot.Portal.Pages;

/// <summary>
/// A conversation as a readable chat: every recorded activity in and out, in the order it was recorded. Messages show
/// their text (encoded, line breaks kept), the choices offered and any attachments by type; other activities
/// (joins, typing, events) are one quiet line each, so nothing recorded is hidden.
/// </summary>
internal static class TranscriptView
{
    public static HtmlContent Render(IReadOnlyList<RecordedTranscriptEntry> entries)
    {
        if (entries.Count == 0)
        {
            return Html($"""<p>No transcript is stored for this conversation (it may have been removed after the retention period).</p>""");
        }

        var items = HtmlContent.Join(entries.Select(Item));
        return Html($"""<ol class="transcript" aria-label="Conversation transcript">{items}</ol>""");
    }

    private static HtmlContent Item(RecordedTranscriptEntry recorded)
    {
        var entry = recorded.Entry;
        var incoming = entry.Direction == TranscriptDirection.Incoming;
        var who = incoming ? "Patient" : "PrescreenBot";
        var css = incoming ? "in" : "out";
        Activity activity;
        try
        {
            activity = BotJson.ParseActivity(entry.ActivityJson);
        }
        catch (ActivityFormatException)
        {
            return Html($"""<li class="event">{PortalLayout.Time(entry.Timestamp)} · {who}: an activity that could not be read ({entry.ActivityType})</li>""");
        }

        if (!string.Equals(activity.Type, ActivityTypes.Message, StringComparison.OrdinalIgnoreCase))
        {
            return Html($"""<li class="event">{PortalLayout.Time(entry.Timestamp)} · {who}: {entry.ActivityType}{EventDetail(activity)}</li>""");
        }

        return Html($"""
            <li class="{css}"><span class="who">{who} · {PortalLayout.Time(entry.Timestamp)}</span>{Text(activity)}{Choices(activity)}{Attachments(activity)}</li>
            """);
    }

    private static HtmlContent Text(Activity activity) =>
        !string.IsNullOrEmpty(activity.Text)
            ? Html($"<p>{MultilineText(activity.Text)}</p>")
            : activity.Value is not null
                ? Html($"""<p class="note">(answered with a card)</p>""")
                : HtmlContent.Empty;

    private static HtmlContent Choices(Activity activity)
    {
        var titles = activity.SuggestedActions?.Actions?
            .Select(action => action.Title ?? action.Value?.ToString())
            .Where(title => !string.IsNullOrEmpty(title))
            .ToList();
        return titles is { Count: > 0 }
            ? Html($"""<p class="note">Choices offered: {string.Join(" · ", titles)}</p>""")
            : HtmlContent.Empty;
    }

    private static HtmlContent Attachments(Activity activity) =>
        activity.Attachments is { Count: > 0 } attachments
            ? Html($"""<p class="note">Attachments: {string.Join(", ", attachments.Select(attachment => attachment.Name ?? attachment.ContentType ?? "attachment"))}</p>""")
            : HtmlContent.Empty;

    private static HtmlContent EventDetail(Activity activity) =>
        string.IsNullOrEmpty(activity.Name) ? HtmlContent.Empty : Html($" ({activity.Name})");
}
