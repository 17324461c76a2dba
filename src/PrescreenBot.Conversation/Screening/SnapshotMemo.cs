using PrescreenBot.Bot.Turns;
using PrescreenBot.Conversation.Session;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Conversation.Screening;

/// <summary>
/// The last snapshot of each recent conversation with exactly what it was worked out from (trial, day, answers). A turn
/// evaluates the answers it finds once to check the answer it receives and again after recording it; the first of these
/// is what the previous turn's last evaluation already found, so it is taken from here when nothing has changed since.
/// Keyed by conversation, so one conversation never reuses another's; a fixed number of slots (a newer conversation
/// landing on a slot replaces the older one), so memory stays bounded; a miss only means evaluating again.
/// </summary>
internal sealed class SnapshotMemo
{
    /// <summary>Comfortably more than the conversations in progress at once on one instance (the target load is 50).</summary>
    private const int Slots = 4_096;

    private readonly Entry?[] slots = new Entry?[Slots];

    public ScreeningSnapshot? Find(ConversationRef conversation, PrescreenSession session, DateOnly today)
    {
        var entry = Volatile.Read(ref slots[SlotOf(conversation)]);
        return entry is not null && entry.Conversation == conversation && entry.Matches(session, today) ? entry.Snapshot : null;
    }

    public void Remember(ConversationRef conversation, PrescreenSession session, DateOnly today, ScreeningSnapshot snapshot) =>
        Volatile.Write(ref slots[SlotOf(conversation)], new Entry(conversation, session.TrialId, today, [.. session.Answers], snapshot));

    /// <summary>"Delete my data": the conversation's remembered answers leave this process's memory too, not only its state.</summary>
    public void Forget(ConversationRef conversation)
    {
        ref var slot = ref slots[SlotOf(conversation)];
        var entry = Volatile.Read(ref slot);
        if (entry is not null && entry.Conversation == conversation)
        {
            Interlocked.CompareExchange(ref slot, null, entry);
        }
    }

    private static int SlotOf(ConversationRef conversation) => (int)((uint)conversation.GetHashCode() % Slots);

    private sealed record Entry(ConversationRef Conversation, string? TrialId, DateOnly Today, KeyValuePair<string, Answer>[] Answers, ScreeningSnapshot Snapshot)
    {
        public bool Matches(PrescreenSession session, DateOnly today)
        {
            if (today != Today || !string.Equals(session.TrialId, TrialId, StringComparison.Ordinal) || session.Answers.Count != Answers.Length)
            {
                return false;
            }

            foreach (var (key, answer) in Answers)
            {
                if (!session.Answers.TryGetValue(key, out var current) || !Same(answer, current))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Record equality, except that chosen keys (a list, compared by reference by the record) are compared item by item.</summary>
        private static bool Same(Answer remembered, Answer current) =>
            remembered.Equals(current)
            || (remembered.Choices.Count > 0
                && remembered.Choices.SequenceEqual(current.Choices, StringComparer.Ordinal)
                && (remembered with { Choices = current.Choices }).Equals(current));
    }
}

/// <summary>Which conversation a turn belongs to: its channel and the channel's conversation id.</summary>
internal readonly record struct ConversationRef(string ChannelId, string ConversationId)
{
    /// <summary>The turn's conversation; null when the activity names none.</summary>
    public static ConversationRef? Of(ITurnContext turn) =>
        turn.Activity.Conversation?.Id is { } id ? new ConversationRef(turn.Activity.ChannelId ?? string.Empty, id) : null;
}
