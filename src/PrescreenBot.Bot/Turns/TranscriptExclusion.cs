namespace PrescreenBot.Bot.Turns;

/// <summary>
/// Keeps one turn out of the transcript. "Delete my data" deletes the conversation's transcript during the turn; the
/// turn's own activities (the confirmation and the goodbye) would otherwise be written after the deletion and outlive it.
/// Every transcript writer checks <see cref="IsExcludedFromTranscript"/> at the end of the turn.
/// </summary>
public static class TranscriptExclusion
{
    private const string TurnStateKey = "PrescreenBot.TranscriptExcluded";

    public static void ExcludeFromTranscript(this ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState[TurnStateKey] = true;
    }

    public static bool IsExcludedFromTranscript(this ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.TryGetValue(TurnStateKey, out var excluded) && excluded is true;
    }
}
