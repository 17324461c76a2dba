using Microsoft.Extensions.Logging;
using PrescreenBot.Bot.Turns;
using PrescreenBot.Conversation.Asks;
using PrescreenBot.Conversation.Screening;
using PrescreenBot.Conversation.Session;

namespace PrescreenBot.Conversation.Flow;

/// <summary>"Delete my data": asks for confirmation, then deletes the patient's referrals and forgets the conversation.</summary>
public sealed class DataDeletionStep(FlowServices services)
{
    public static Ask Confirm(AskFactory asks) => asks.YesNo(StepIds.DeleteConfirm, asks.T("delete.confirm"));

    /// <summary>Deletes on "yes" (false: the conversation ends, everything forgotten); keeps everything on "no" or when deleting fails.</summary>
    public async Task<bool> ApplyAsync(ITurnContext turn, PrescreenSession session, AskResult result, AskFactory asks, Outbox outbox, CancellationToken cancellationToken)
    {
        session.DeleteRequested = false;
        if (result.Kind != AskResultKind.Yes)
        {
            outbox.Say(asks.T("delete.kept"), asks.Locale);
            return true;
        }

        int removed;
        try
        {
            removed = await services.Referrals.DeletePatientDataAsync(
                turn.Activity.ChannelId ?? string.Empty, turn.Activity.Conversation?.Id ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            services.Logger.LogError("Deleting patient data failed: {ExceptionType}", ex.GetType().Name);
            outbox.Say(asks.T("delete.failed"), asks.Locale);
            return true;
        }

        services.Logger.LogInformation("Patient data deleted on request: {ReferralCount} referrals", removed);
        turn.ExcludeFromTranscript();
        session.Forget();
        if (ConversationRef.Of(turn) is { } conversation)
        {
            services.Engine.Forget(conversation);
        }

        session.Stopped = true;
        outbox.Say(asks.T("delete.done", ("count", removed)), asks.Locale);
        return false;
    }
}
