using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Referrals.Transcripts;

/// <summary>
/// A transcript logger that can record many activities at once (one database transaction instead of one per
/// activity). The host's background transcript writer uses it when a registered logger offers it. Lives here rather than
/// in the bot core because only a store needs it; the core's <see cref="ITranscriptLogger"/> stays as Bot Builder has it.
/// </summary>
public interface ITranscriptBatchLogger : ITranscriptLogger
{
    /// <summary>Records <paramref name="activities"/> in order, all or none. Each is a copy the logger may keep.</summary>
    Task LogActivitiesAsync(IReadOnlyList<IActivity> activities, CancellationToken cancellationToken = default);
}
