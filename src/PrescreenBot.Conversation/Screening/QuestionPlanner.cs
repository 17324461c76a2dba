namespace PrescreenBot.Conversation.Screening;

/// <summary>
/// Chooses the next question across all candidate trials. Each shared concept is one key, so it is asked once for all of them.
/// The most differentiating question comes first: the one open in the most trials still possible where an answer can rule a
/// trial out, because that one answer settles the most of what is left and ends hopeless screens soonest.
/// </summary>
public static class QuestionPlanner
{
    /// <summary>The key to ask next, or null when no trial still possible needs anything more.</summary>
    public static string? Next(IReadOnlyList<TrialOutlook> outlooks) => Rank(outlooks).FirstOrDefault();

    /// <summary>All keys still to ask, best first (the planner's whole queue; its count is the "about N" of the progress line).</summary>
    public static IReadOnlyList<string> Rank(IReadOnlyList<TrialOutlook> outlooks)
    {
        ArgumentNullException.ThrowIfNull(outlooks);

        // Scores in order of first appearance (so that order breaks ties), found by key; plain loops, since every turn ranks.
        var places = new Dictionary<string, int>(StringComparer.Ordinal);
        var scores = new List<Score>();
        foreach (var outlook in outlooks)
        {
            if (!outlook.StillPossible)
            {
                continue;
            }

            foreach (var question in outlook.OpenQuestions)
            {
                if (!places.TryGetValue(question.Key, out var place))
                {
                    place = scores.Count;
                    places.Add(question.Key, place);
                    scores.Add(new Score(question.Key, 0, 0, place));
                }

                var score = scores[place];
                scores[place] = score with
                {
                    TrialsItCanRuleOut = score.TrialsItCanRuleOut + (question.CanRuleOut ? 1 : 0),
                    TrialsAsking = score.TrialsAsking + 1,
                };
            }
        }

        // First seen is unique, so this order is total: the same as a stable sort on the first two.
        scores.Sort(static (a, b) =>
            b.TrialsItCanRuleOut != a.TrialsItCanRuleOut ? b.TrialsItCanRuleOut.CompareTo(a.TrialsItCanRuleOut)
            : b.TrialsAsking != a.TrialsAsking ? b.TrialsAsking.CompareTo(a.TrialsAsking)
            : a.FirstSeen.CompareTo(b.FirstSeen));
        var ranked = new string[scores.Count];
        for (var i = 0; i < ranked.Length; i++)
        {
            ranked[i] = scores[i].Key;
        }

        return ranked;
    }

    /// <summary>How many trials are still possible (the "3 studies still possible" of the progress line).</summary>
    public static int StillPossible(IReadOnlyList<TrialOutlook> outlooks) => outlooks.Count(o => o.StillPossible);

    private readonly record struct Score(string Key, int TrialsItCanRuleOut, int TrialsAsking, int FirstSeen);
}
