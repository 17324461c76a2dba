using System.Text.Json.Serialization;
using PrescreenBot.Conversation.Flow;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Conversation.Session.Stored;

/// <summary>
/// The session's history as stored: each step with the answers it set, so a key is written once (see <see cref="StoredForm"/>).
/// A step is a plain string when it holds what its id implies (<see cref="ImpliedKeys"/>, <see cref="ImpliedCounted"/>):
/// <c>"consent"</c>; <c>"key:age"</c>, or <c>"key:age=34 years"</c> when it carries the answer. Other steps are
/// <c>{"group:infections":{"hiv":"no","syphilis":null}}</c>: the keys it set, each with the answer it carries or null
/// (the answer is carried by a later step or by <c>"answers"</c>, or was withdrawn). A step whose "counted" is not the one its id
/// implies keeps the version 1 object.
/// </summary>
[JsonConverter(typeof(StoredHistoryConverter))]
internal sealed class StoredHistory
{
    /// <summary>Separates a key step's id from the answer it carries.</summary>
    public const char AnswerSeparator = '=';

    public required IReadOnlyList<HistoryEntry> Entries { get; init; }

    /// <summary>Writing: the session's answers, for the steps to carry. Read: the answers the steps carried.</summary>
    public required IReadOnlyDictionary<string, Answer> Answers { get; init; }

    /// <summary>A key step (<c>key:age</c>) sets its key; other steps set none unless they say so.</summary>
    public static IReadOnlyList<string> ImpliedKeys(string stepId) =>
        stepId.StartsWith(StepIds.KeyPrefix, StringComparison.Ordinal) ? [stepId[StepIds.KeyPrefix.Length..]] : [];

    /// <summary>Screening questions and checklists count towards the questions asked; other steps do not.</summary>
    public static bool ImpliedCounted(string stepId) =>
        stepId.StartsWith(StepIds.KeyPrefix, StringComparison.Ordinal) || stepId.StartsWith(StepIds.GroupPrefix, StringComparison.Ordinal);

    /// <summary>True when <paramref name="entry"/> can be written in the compact form without loss.</summary>
    public static bool IsCompact(HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Counted == ImpliedCounted(entry.StepId)
            && !entry.StepId.Contains(AnswerSeparator, StringComparison.Ordinal)
            && !IsVersion1Name(entry.StepId)
            && HasDistinctKeys(entry.Keys);
    }

    /// <summary>True when the answer for <paramref name="key"/> is written with the step at <paramref name="index"/>.</summary>
    public static bool Carries(Dictionary<string, int> carriers, string key, int index) =>
        carriers.TryGetValue(key, out var carrier) && carrier == index;

    /// <summary>Keys become property names of one JSON object, so each must be there once (answer keys ignore case).</summary>
    private static bool HasDistinctKeys(IReadOnlyList<string> keys)
    {
        // Steps hold a few keys (a checklist at most a handful) and every save checks every step: compared pairwise, no set.
        for (var i = 1; i < keys.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(keys[i], keys[j], StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>A property of the version 1 object: an object naming one of these is read as version 1.</summary>
    public static bool IsVersion1Name(string name) =>
        string.Equals(name, "stepId", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "keys", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "counted", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Which step carries each answer: the newest compact step that set its key. Answers no step carries stay in
    /// <c>"answers"</c>.
    /// </summary>
    public static Dictionary<string, int> Carriers(IReadOnlyList<HistoryEntry> entries, IReadOnlyDictionary<string, Answer> answers)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(answers);
        var carriers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            var entry = entries[i];
            if (!IsCompact(entry))
            {
                continue;
            }

            foreach (var key in entry.Keys)
            {
                if (answers.ContainsKey(key))
                {
                    carriers.TryAdd(key, i);
                }
            }
        }

        return carriers;
    }
}
