using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Bot.Turns;

/// <summary>Persists the activities of a conversation, in and out (Bot Builder's <c>ITranscriptLogger</c>).</summary>
public interface ITranscriptLogger
{
    /// <summary>Records one activity. The activity is a copy the logger may keep.</summary>
    Task LogActivityAsync(IActivity activity, CancellationToken cancellationToken = default);
}
