using System.Text.Json;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Turns;

/// <summary>
/// Records a finished turn — the inbound activity and the replies actually released — for the transcript. Done once
/// per turn after the retries settle, so a re-run turn is not recorded twice. Entries are deep copies (channels go on
/// to stamp the originals) with an id, a timestamp and a role, so each is addressable; they are queued
/// (<see cref="TranscriptQueue"/>) and written by <see cref="TranscriptWriter"/>, so the patient's reply never waits
/// for the database. Nothing is copied when no transcript logger is registered.
/// </summary>
public sealed class TurnTranscript(TranscriptQueue queue, IEnumerable<ITranscriptLogger> loggers, TimeProvider timeProvider)
{
    private readonly bool _enabled = loggers.Any();

    public async Task RecordAsync(Activity inbound, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        if (!_enabled)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        await queue.EnqueueAsync(Copy(inbound, now, RoleTypes.User), cancellationToken).ConfigureAwait(false);
        foreach (var reply in replies)
        {
            await queue.EnqueueAsync(Copy(reply, now, RoleTypes.Bot), cancellationToken).ConfigureAwait(false);
        }
    }

    private static Activity Copy(Activity activity, DateTimeOffset now, string role)
    {
        var copy = JsonSerializer.Deserialize<Activity>(BotJson.SerializeActivity(activity), BotJson.Options)!;
        copy.Id ??= $"g_{Guid.NewGuid():N}";
        copy.Timestamp ??= now;
        copy.From ??= new ChannelAccount();
        copy.From.Role ??= role;
        return copy;
    }
}
