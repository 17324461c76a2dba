using System.Text.Json;
using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Bot.Turns;

/// <summary>
/// Logs every inbound activity and every outbound one (sends, updates as <c>messageUpdate</c>, deletes as
/// <c>messageDelete</c>) to an <see cref="ITranscriptLogger"/>, in order, at the end of the turn — also when the turn
/// failed, so the transcript shows what the user saw; nothing of a turn marked
/// <see cref="TranscriptExclusion.ExcludeFromTranscript"/>. Logged activities are deep copies; outgoing ones without an id or
/// timestamp get one, so every transcript entry is addressable.
/// </summary>
public sealed class TranscriptLoggerMiddleware(ITranscriptLogger logger, TimeProvider? timeProvider = null) : IMiddleware
{
    private readonly ITranscriptLogger _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var queue = new List<Activity>();
        var incoming = DeepCopy(turnContext.Activity);
        incoming.From ??= new ChannelAccount { Role = RoleTypes.User };
        incoming.From.Role ??= RoleTypes.User;
        queue.Add(incoming);

        turnContext.OnSendActivities(async (ctx, activities, nextSend) =>
        {
            var responses = await nextSend().ConfigureAwait(false);
            for (var i = 0; i < activities.Count; i++)
            {
                if (activities[i].IsType(ActivityTypes.InvokeResponse))
                {
                    continue;
                }

                var copy = Outgoing(activities[i]);
                if (i < responses.Length && responses[i].Id is { } id)
                {
                    copy.Id = id;
                }

                queue.Add(copy);
            }

            return responses;
        });

        turnContext.OnUpdateActivity(async (ctx, activity, nextUpdate) =>
        {
            var response = await nextUpdate().ConfigureAwait(false);
            var copy = Outgoing(activity);
            copy.Type = ActivityTypes.MessageUpdate;
            queue.Add(copy);
            return response;
        });

        turnContext.OnDeleteActivity(async (ctx, reference, nextDelete) =>
        {
            await nextDelete().ConfigureAwait(false);
            var deleted = new Activity { Type = ActivityTypes.MessageDelete, Id = reference.ActivityId }.ApplyConversationReference(reference);
            deleted.Timestamp = _time.GetUtcNow();
            queue.Add(deleted);
        });

        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var activity in turnContext.IsExcludedFromTranscript() ? [] : queue)
            {
                await _logger.LogActivityAsync(activity, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private Activity Outgoing(Activity activity)
    {
        var copy = DeepCopy(activity);
        copy.Id ??= $"g_{Guid.NewGuid():N}";
        copy.Timestamp ??= _time.GetUtcNow();
        return copy;
    }

    private static Activity DeepCopy(Activity activity) =>
        JsonSerializer.Deserialize<Activity>(JsonSerializer.SerializeToUtf8Bytes(activity, BotJson.Options), BotJson.Options)!;
}
