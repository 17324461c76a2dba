using PrescreenBot.Bot.Prompts;
using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Conversation.Asks;

/// <summary>Turns an <see cref="Ask"/> into the prompt and retry activities: the text plus every answer as a suggested action.</summary>
public static class AskActivities
{
    /// <summary>Teams shows suggested actions in personal chats only up to three (protocol reference §5.4); longer lists go in the text.</summary>
    public const int TeamsMaxSuggestedActions = 3;

    public static PromptOptions ToPromptOptions(Ask ask, string? channelId = null) => new()
    {
        Prompt = Prompt(ask, channelId),
        RetryPrompt = RetryPrompt(ask, channelId),
        Validations = ask,
        RecognizeLanguage = ask.Locale,
        MaxAttempts = ask.MaxAttempts,
    };

    /// <summary>
    /// The options a running <see cref="AskPrompt"/> keeps in conversation state: the step id of the ask, which the session keeps
    /// (<see cref="Session.PrescreenSession.PendingAsk"/>), and the attempts allowed. The question and retry activities are made
    /// from the ask each time they are sent, so they are not stored (they were two thirds of a mid-conversation state), nor is
    /// the ask a second time.
    /// </summary>
    public static PromptOptions ToStoredPromptOptions(Ask ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        return new PromptOptions { Validations = ask.StepId, MaxAttempts = ask.MaxAttempts };
    }

    /// <summary>The question as first asked.</summary>
    public static Activity Prompt(Ask ask, string? channelId = null) => Message(ask, ask.Text, channelId);

    /// <summary>The question asked again after an answer that was not understood, saying what is expected.</summary>
    public static Activity RetryPrompt(Ask ask, string? channelId = null) => Message(ask, ask.Retry + "\n\n" + ask.Text, channelId);

    /// <summary>What kind of answer the question expects, for channels that adapt their input ("number" opens a numeric keypad).</summary>
    public static string Expects(AskKind kind) => kind switch
    {
        AskKind.YesNo or AskKind.YesNoNotSure => "yesNo",
        AskKind.Number => "number",
        AskKind.Choice => "choice",
        AskKind.MultiChoice => "choices",
        AskKind.Date => "date",
        _ => "text",
    };

    /// <summary>
    /// A remark made while <paramref name="waiting"/> still waits: it carries that question's buttons (Web Chat shows suggested
    /// actions under the newest activity only) but not its step data, so it is not a second copy of the question.
    /// </summary>
    public static Activity Remark(Ask waiting, string text, string? channelId = null)
    {
        var activity = Message(waiting, text, channelId);
        activity.ChannelData = null;
        return activity;
    }

    public static Activity Message(Ask ask, string text, string? channelId = null)
    {
        var titles = ask.Options.Select(o => o.Title).Concat(ask.Buttons).ToList();
        if (channelId == Channels.Msteams && titles.Count > TeamsMaxSuggestedActions)
        {
            // Numbered in the text instead: the answer recognizer takes "2" as the second option.
            text += "\n\n" + string.Join("\n", titles.Select((title, i) => $"{i + 1}. {title}"));
            titles.Clear();
        }

        var activity = titles.Count == 0
            ? MessageFactory.Text(text, inputHint: InputHints.ExpectingInput)
            : MessageFactory.SuggestedActions(titles, text, inputHint: InputHints.ExpectingInput);
        activity.Locale = ask.Locale;
        activity.ChannelData = new PrescreenStepData(ask.StepId, ask.Keys.Count > 0 ? ask.Keys : null, Expects(ask.Kind));
        return activity;
    }
}

/// <summary>
/// Carried in a question's <c>channelData</c>: which step it asks. Channels ignore it; transcripts and tests can tell
/// which question an answer belongs to without parsing wording.
/// </summary>
public sealed record PrescreenStepData(string PrescreenStep, IReadOnlyList<string>? Keys = null, string? Expects = null);
