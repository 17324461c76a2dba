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
        var scores = new Dictionary<string, Score>(StringComparer.Ordinal);
        var firstSeen = 0;
        foreach (var outlook in outlooks.Where(o => o.StillPossible))
        {
            foreach (var question in outlook.OpenQuestions)
            {
                if (!scores.TryGetValue(question.Key, out var score))
                {
                    score = new Score(0, 0, firstSeen++);
                }

                scores[question.Key] = score with
                {
                    TrialsItCanRuleOut = score.TrialsItCanRuleOut + (question.CanRuleOut ? 1 : 0),
                    TrialsAsking = score.TrialsAsking + 1,
                };
            }
        }

        return scores
            .OrderByDescending(pair => pair.Value.TrialsItCanRuleOut)
            .ThenByDescending(pair => pair.Value.TrialsAsking)
            .ThenBy(pair => pair.Value.FirstSeen)
            .Select(pair => pair.Key)
            .ToList();
    }

    /// <summary>How many trials are still possible (the "3 studies still possible" of the progress line).</summary>
    public static int StillPossible(IReadOnlyList<TrialOutlook> outlooks) => outlooks.Count(o => o.StillPossible);

    private readonly record struct Score(int TrialsItCanRuleOut, int TrialsAsking, int FirstSeen);
}
