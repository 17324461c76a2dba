using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.Prompts;

/// <summary>Shared rendering for prompts that show buttons: the question with its choices in the channel's style.</summary>
public abstract class ChoicePromptBase<T>(string dialogId, PromptValidator<T>? validator) : Prompt<T>(dialogId, validator)
{
    /// <summary>Style used when the options name none.</summary>
    public ListStyle Style { get; init; } = ListStyle.Auto;

    /// <summary>The choices shown and matched: the options' own, else the prompt's defaults for the language.</summary>
    protected virtual IList<Choice> GetChoices(ITurnContext turnContext, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Choices ?? [];
    }

    protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var source = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        var choices = GetChoices(turnContext, options);
        var style = options.Style ?? Style;
        if (style == ListStyle.Auto)
        {
            style = ChoiceFactory.AutoStyle(turnContext.Activity.ChannelId, choices.Count, turnContext.Activity.Conversation?.ConversationType);
        }

        var rendered = ChoiceFactory.Render(style, choices, source?.Text, source?.Speak, GetRecognizer(turnContext, options).Labels);
        var activity = source?.Clone() ?? new Activity { Type = ActivityTypes.Message };
        activity.Text = rendered.Text;
        activity.InputHint ??= InputHints.ExpectingInput;
        if (rendered.SuggestedActions is not null)
        {
            activity.SuggestedActions = rendered.SuggestedActions;
        }

        if (rendered.Attachments is not null)
        {
            activity.Attachments = [.. activity.Attachments ?? [], .. rendered.Attachments];
        }

        return turnContext.SendActivityAsync(activity, cancellationToken);
    }
}
