using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.Prompts;

/// <summary>
/// Asks for a date ("March 2024", "2 weeks ago", "2024-03-01", "去年三月"); returns the resolutions found (one).
/// Relative dates count from the user's own clock (<c>activity.localTimestamp</c>), else from <see cref="TimeProvider"/>.
/// </summary>
public sealed class DateTimePrompt(string dialogId, PromptValidator<IList<DateTimeResolution>>? validator = null, TimeProvider? timeProvider = null)
    : Prompt<IList<DateTimeResolution>>(dialogId, validator)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    protected override Task<PromptRecognizerResult<IList<DateTimeResolution>>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var today = DateOnly.FromDateTime((activity.LocalTimestamp ?? _time.GetUtcNow()).DateTime);
        var date = GetRecognizer(turnContext, options).RecognizeDate(activity.Text ?? string.Empty, today);
        return Task.FromResult(date is null
            ? PromptRecognizerResult<IList<DateTimeResolution>>.Failure()
            : PromptRecognizerResult<IList<DateTimeResolution>>.Success([date]));
    }
}
