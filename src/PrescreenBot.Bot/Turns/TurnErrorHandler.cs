using Microsoft.Extensions.Logging;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.State;

namespace PrescreenBot.Bot.Turns;

/// <summary>
/// The reusable <see cref="BotAdapter.OnTurnError"/> (Bot Builder sample's <c>AdapterWithErrorHandler</c>): logs an error
/// id and the exception TYPE only (messages may quote what the patient typed), tells the user something went wrong
/// (with the error id, so support can find the log line), and deletes that conversation's state so the next message
/// starts cleanly instead of hitting the same failure again. Each step is guarded: a failing apology or delete is
/// logged and does not hide the original error's handling.
/// <para>
/// An <see cref="EtagException"/> is different: another turn of the same conversation saved first, so its state is the
/// good one. Nothing is reset; the user is asked to send the last answer again (with <see cref="AutoSaveStateMiddleware"/>
/// they never saw this turn's replies).
/// </para>
/// </summary>
public sealed partial class TurnErrorHandler(
    ILogger<TurnErrorHandler> logger,
    ConversationState? conversationState = null,
    Func<ITurnContext, string, string>? apology = null,
    Func<ITurnContext, string>? conflictMessage = null)
{
    /// <summary>English apology; <c>{0}</c> is the error id.</summary>
    public const string DefaultApology = "Sorry, something went wrong on our side. Let's start again. (Reference: {0})";

    /// <summary>English message when two messages of one conversation were handled at once and this one lost.</summary>
    public const string DefaultConflictMessage = "Sorry, two of your messages arrived at the same time and I could only take one. Please send your last answer again.";

    private readonly Func<ITurnContext, string, string> _apology = apology ?? ((_, errorId) => string.Format(System.Globalization.CultureInfo.InvariantCulture, DefaultApology, errorId));
    private readonly Func<ITurnContext, string> _conflictMessage = conflictMessage ?? (_ => DefaultConflictMessage);

    /// <summary>Attaches this handler to <paramref name="adapter"/>.</summary>
    public BotAdapter AttachTo(BotAdapter adapter)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        adapter.OnTurnError = HandleAsync;
        return adapter;
    }

    public async Task HandleAsync(ITurnContext turnContext, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(exception);
        var errorId = Guid.NewGuid().ToString("N")[..12];
        var conflict = exception is EtagException;
        if (conflict)
        {
            LogConcurrentTurn(logger, errorId, turnContext.Activity.ChannelId, turnContext.Activity.Conversation?.Id);
        }
        else
        {
            LogTurnFailed(logger, errorId, exception.GetType().FullName ?? exception.GetType().Name, turnContext.Activity.ChannelId, turnContext.Activity.Conversation?.Id);
        }

        try
        {
            if (turnContext.Activity.IsType(ActivityTypes.Message) || turnContext.Activity.IsType(ActivityTypes.Event))
            {
                var text = conflict ? _conflictMessage(turnContext) : _apology(turnContext, errorId);
                await turnContext.SendActivityAsync(text, inputHint: InputHints.AcceptingInput).ConfigureAwait(false);
            }
        }
        catch (Exception sendError)
        {
            LogStepFailed(logger, errorId, "apologise", sendError.GetType().FullName ?? sendError.GetType().Name);
        }

        if (conversationState is null || conflict)
        {
            return;
        }

        try
        {
            await conversationState.DeleteAsync(turnContext).ConfigureAwait(false);
        }
        catch (Exception deleteError)
        {
            LogStepFailed(logger, errorId, "reset conversation state", deleteError.GetType().FullName ?? deleteError.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Turn failed: error {ErrorId}, exception {ExceptionType}, channel {ChannelId}, conversation {ConversationId}")]
    private static partial void LogTurnFailed(ILogger logger, string errorId, string exceptionType, string? channelId, string? conversationId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Turn lost a race with another turn of its conversation: error {ErrorId}, channel {ChannelId}, conversation {ConversationId}")]
    private static partial void LogConcurrentTurn(ILogger logger, string errorId, string? channelId, string? conversationId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Error {ErrorId}: could not {Step}: {ExceptionType}")]
    private static partial void LogStepFailed(ILogger logger, string errorId, string step, string exceptionType);
}
