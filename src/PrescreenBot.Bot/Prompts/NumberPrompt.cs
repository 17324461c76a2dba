using System.Numerics;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.Prompts;

/// <summary>
/// Asks for a number, in digits or words of the user's language ("42", "42 years", "forty-two", "四十二"). For integer
/// types a fractional answer or one out of range is not recognized (rather than silently rounded).
/// </summary>
public sealed class NumberPrompt<T>(string dialogId, PromptValidator<T>? validator = null) : Prompt<T>(dialogId, validator)
    where T : struct, INumber<T>
{
    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var number = GetRecognizer(turnContext, options).RecognizeNumber(turnContext.Activity.Text ?? string.Empty);
        return Task.FromResult(number is { } value && TryConvert(value, out var converted)
            ? PromptRecognizerResult<T>.Success(converted)
            : PromptRecognizerResult<T>.Failure());
    }

    private static bool TryConvert(decimal value, out T converted)
    {
        converted = default;
        var isInteger = typeof(T) != typeof(double) && typeof(T) != typeof(float) && typeof(T) != typeof(decimal) && typeof(T) != typeof(Half);
        if (isInteger && decimal.Truncate(value) != value)
        {
            return false;
        }

        try
        {
            converted = T.CreateChecked(value);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
