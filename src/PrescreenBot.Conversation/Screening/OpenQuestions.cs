using PrescreenBot.Trials;

namespace PrescreenBot.Conversation.Screening;

/// <summary>
/// The planner's view of each question of the catalog's trials (<see cref="OpenQuestion"/>: its key and whether an answer can
/// rule the trial out), made once per catalog instead of per open key on every evaluation; both depend only on the trial.
/// </summary>
internal sealed class OpenQuestions
{
    private readonly Dictionary<TrialQuestionSet, Dictionary<string, OpenQuestion>> bySet = new(ReferenceEqualityComparer.Instance);

    public OpenQuestions(TrialCatalog catalog)
    {
        foreach (var set in catalog.Sets)
        {
            var questions = new Dictionary<string, OpenQuestion>(StringComparer.Ordinal);
            foreach (var criterion in set.Criteria)
            {
                foreach (var question in criterion.Questions)
                {
                    questions.TryAdd(question.Key, new OpenQuestion(question.Key, ScreeningEngine.CanRuleOut(set, question.Key)));
                }
            }

            bySet.TryAdd(set, questions);
        }
    }

    /// <summary>The open question for <paramref name="key"/> of <paramref name="set"/>; made on the spot for a set or key the catalog lacks.</summary>
    public OpenQuestion Of(TrialQuestionSet set, string key) =>
        bySet.TryGetValue(set, out var questions) && questions.TryGetValue(key, out var known)
            ? known
            : new OpenQuestion(key, ScreeningEngine.CanRuleOut(set, key));
}
