using PrescreenBot.Conversation.Asks;
using PrescreenBot.Conversation.Resources;
using PrescreenBot.Trials;

namespace PrescreenBot.Conversation.Flow;

/// <summary>Builds the common kinds of <see cref="Ask"/> with their localized buttons and retries.</summary>
public sealed class AskFactory(TextCatalog texts, string locale)
{
    public string Locale => locale;

    public string T(string key, params (string Name, object? Value)[] arguments) => texts.Get(locale, key, arguments);

    public Ask YesNo(string stepId, string text, string retryKey = "consent.retry") => new()
    {
        StepId = stepId,
        Kind = AskKind.YesNo,
        Text = text,
        Retry = T(retryKey),
        Buttons = [T("choice.yes"), T("choice.no")],
        Locale = locale,
    };

    public Ask Choice(string stepId, string text, string retryKey, IReadOnlyList<AskOption> options) => new()
    {
        StepId = stepId,
        Kind = AskKind.Choice,
        Text = text,
        Retry = T(retryKey),
        Options = options,
        Locale = locale,
    };

    public Ask Text(string stepId, string text, string retryKey, TextCheck check = TextCheck.None, bool allowSkip = false) => new()
    {
        StepId = stepId,
        Kind = AskKind.Text,
        Text = text,
        Retry = T(retryKey),
        Check = check,
        AllowSkip = allowSkip,
        Buttons = allowSkip ? [T("choice.skip")] : [],
        Locale = locale,
    };

    /// <summary>The trial's title in this language (Chinese titles come from the dialog files' <c>titleZh</c>).</summary>
    public string TitleOf(Trial trial) => trial.TitleFor(locale);

    /// <summary>The text for <paramref name="key"/> naming <paramref name="trial"/>: <c>{title}</c> in this language and <c>{trial}</c>, its id.</summary>
    public string AboutTrial(string key, Trial trial, params (string Name, object? Value)[] arguments) =>
        T(key, [("title", TitleOf(trial)), ("trial", trial.Id), .. arguments]);

    /// <summary>An option titled by <paramref name="titleKey"/>, also named by the words of <paramref name="wordsKey"/> in every language.</summary>
    public AskOption Option(string value, string titleKey, string? wordsKey = null) =>
        new(value, T(titleKey)) { Words = wordsKey };
}
