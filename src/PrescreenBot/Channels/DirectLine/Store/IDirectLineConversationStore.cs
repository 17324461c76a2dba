using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Channels.DirectLine.Store;

/// <summary>
/// Where Direct Line conversations and their activity logs live: in memory for one instance, in Redis so several
/// instances serve one conversation. Implementations assign ids and watermarks atomically and tell subscribers
/// (on any instance) about every append, in order.
/// </summary>
public interface IDirectLineConversationStore
{
    /// <summary>Starts a conversation; false when it was already started (Direct Line then answers 200 instead of 201).</summary>
    Task<bool> TryCreateAsync(DirectLineConversation conversation, CancellationToken cancellationToken);

    Task<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends <paramref name="activities"/> in order, giving each the id <c>{conversationId}|{watermark:D7}</c>.
    /// The activities must not be changed afterwards. Throws <see cref="DirectLineConversationNotFoundException"/>.
    /// </summary>
    Task<IReadOnlyList<StoredActivity>> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="AppendAsync"/>, but subscribers may be told later, together with the next append or at
    /// <see cref="ReleaseHeldAsync"/>, whichever comes first: a turn's echo and its replies then reach a stream in one
    /// frame. The log (polling, a new stream's replay) has them at once. Stores that cannot hold tell at once.
    /// </summary>
    Task<IReadOnlyList<StoredActivity>> AppendHeldAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
        AppendAsync(conversationId, activities, cancellationToken);

    /// <summary>Tells subscribers about held appends not told yet; nothing when there are none or the conversation is gone.</summary>
    Task ReleaseHeldAsync(string conversationId) => Task.CompletedTask;

    /// <summary>Activities with a watermark above <paramref name="afterWatermark"/>; null when the conversation does not exist.</summary>
    Task<ActivityPage?> ReadAsync(string conversationId, long afterWatermark, CancellationToken cancellationToken);

    /// <summary>
    /// Calls <paramref name="onAppended"/> for every later append to the conversation, in order, until disposed.
    /// The callback must return quickly and never block (queue the page and return).
    /// </summary>
    Task<IAsyncDisposable> SubscribeAsync(string conversationId, Action<ActivityPage> onAppended, CancellationToken cancellationToken);
}
