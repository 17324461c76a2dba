using PrescreenBot.Conversation.Session;
using PrescreenBot.Trials;
using PrescreenBot.Trials.Eligibility;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Conversation.Screening;

/// <summary>
/// Plans the questions across the candidate trials: evaluates every trial on the answers so far (the pure evaluator of
/// <c>PrescreenBot.Trials</c>), ranks the open keys with <see cref="QuestionPlanner"/>, asks the intake facts first (they
/// settle the most and imply other answers), and gathers exclusion questions into checklists (<see cref="Checklists"/>).
/// </summary>
public sealed class ScreeningEngine(TrialCatalog catalog, TimeProvider timeProvider)
{
    private readonly ComposedQuestions composed = new(catalog);

    private readonly SnapshotMemo memo = new();

    private readonly OpenQuestions openQuestions = new(catalog);

    /// <summary>Asked first whenever still open: they rule out whole trials and imply other answers (a man is not pregnant).</summary>
    private static readonly string[] IntakeKeys = [QuestionKeys.Age, QuestionKeys.Sex, QuestionKeys.Condition];

    private static readonly string[] KeysImpliedBySex = [QuestionKeys.Pregnant, QuestionKeys.Breastfeeding];

    public TrialCatalog Catalog => catalog;

    /// <summary>The trials this conversation screens for: the single trial of a <c>prescreen/start</c>, else every open one.</summary>
    public IReadOnlyList<TrialQuestionSet> Candidates(PrescreenSession session) =>
        session.TrialId is { } id && catalog.Find(id) is { } set ? [set] : catalog.Screenable();

    public ScreeningSnapshot Evaluate(PrescreenSession session) => Evaluate(session, null);

    /// <summary>
    /// As <see cref="Evaluate(PrescreenSession)"/>; within <paramref name="conversation"/> the last snapshot is reused while
    /// its trial, day and answers are unchanged (the turn after a question finds the answers its question was planned on).
    /// </summary>
    internal ScreeningSnapshot Evaluate(PrescreenSession session, ConversationRef? conversation)
    {
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        if (conversation is { } known && memo.Find(known, session, today) is { } remembered)
        {
            return remembered;
        }

        var snapshot = Evaluate(session, today);
        if (conversation is { } current)
        {
            memo.Remember(current, session, today, snapshot);
        }

        return snapshot;
    }

    /// <summary>Drops what this engine remembers of <paramref name="conversation"/> (its answers), for "delete my data".</summary>
    internal void Forget(ConversationRef conversation) => memo.Forget(conversation);

    private ScreeningSnapshot Evaluate(PrescreenSession session, DateOnly today)
    {
        var candidates = Candidates(session);
        var evaluations = EligibilityEvaluator.EvaluateAll(candidates, session.Answers, today);
        var outlooks = new TrialOutlook[candidates.Count];
        for (var i = 0; i < outlooks.Length; i++)
        {
            outlooks[i] = Outlook(candidates[i], evaluations[i]);
        }

        return new ScreeningSnapshot
        {
            Candidates = candidates,
            Evaluations = evaluations,
            RankedKeys = QuestionPlanner.Rank(outlooks),
        };
    }

    /// <summary>The next question or checklist, or null when nothing more can change a verdict.</summary>
    public ScreeningStep? Next(PrescreenSession session, ScreeningSnapshot snapshot)
    {
        var possible = new List<TrialQuestionSet>(snapshot.Candidates.Count);
        for (var i = 0; i < snapshot.Candidates.Count; i++)
        {
            if (snapshot.Evaluations[i].IsStillPossible)
            {
                possible.Add(snapshot.Candidates[i]);
            }
        }

        if (possible.Count == 0)
        {
            return null;
        }

        var (first, count) = Queue(session, snapshot);
        if (first is not { } step)
        {
            return null;
        }

        var guardian = session.AnsweredByGuardian == true;
        var questions = new SharedQuestion[step.Keys.Count];
        for (var i = 0; i < questions.Length; i++)
        {
            questions[i] = composed.Get(step.Keys[i], possible, guardian);
        }

        return new ScreeningStep
        {
            StepId = step.Checklist is { } checklist ? ScreeningStep.ChecklistStepId(checklist) : ScreeningStep.KeyStepId(step.Keys[0]),
            Questions = questions,
            Checklist = step.Checklist,
            Number = session.QuestionsAsked + 1,
            AboutTotal = session.QuestionsAsked + count,
            StillPossible = possible.Count,
        };
    }

    /// <summary>The shared question for one key across the trials still possible (sex comes from the catalog when no trial asks it).</summary>
    public static SharedQuestion Compose(string key, IReadOnlyList<TrialQuestionSet> possible, bool guardian)
    {
        var shared = SharedQuestion.For(key, possible, guardian);
        if (shared is null)
        {
            var template = QuestionCatalog.Find(key) ?? throw new InvalidOperationException($"No question for key '{key}'.");
            shared = new SharedQuestion
            {
                Key = key,
                AnswerType = template.AnswerType,
                Text = QuestionCatalog.Compose(key, null, guardian),
                Unit = template.Unit,
                Choices = template.Choices,
            };
        }

        if (key == QuestionKeys.Condition)
        {
            // Offer only the conditions the trials still possible study, so the list stays short.
            shared = shared with { Choices = [.. TrialCatalog.ConditionsOf(possible), ConditionKeys.Other] };
        }

        return shared;
    }

    /// <summary>
    /// The first of the steps still to ask and how many there are (the "about N more" of the progress line). Only the first is
    /// built: the rest are counted, since every turn plans the whole queue.
    /// </summary>
    private static (QueuedStep? First, int Count) Queue(PrescreenSession session, ScreeningSnapshot snapshot)
    {
        var ranked = snapshot.RankedKeys;
        var ordered = new List<string>(ranked.Count + IntakeKeys.Length);
        foreach (var key in IntakeKeys)
        {
            if (ContainsKey(ranked, key) || (key == QuestionKeys.Sex && SexWouldSpareQuestions(session, ranked)))
            {
                ordered.Add(key);
            }
        }

        foreach (var key in ranked)
        {
            if (!ContainsKey(IntakeKeys, key))
            {
                ordered.Add(key);
            }
        }

        // Each key's checklist looked up once, not again for every member search.
        var checklists = new string?[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            checklists[i] = Checklists.ChecklistOf(ordered[i]);
        }

        QueuedStep? first = null;
        var count = 0;
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < ordered.Count; i++)
        {
            var key = ordered[i];
            if (!taken.Add(key))
            {
                continue;
            }

            count++;
            var checklist = checklists[i];
            if (checklist is not null && !session.OpenedGroups.Contains(checklist))
            {
                var members = ChecklistMembers(ordered, checklists, checklist);
                if (members.Count > 1)
                {
                    taken.UnionWith(members);
                    first ??= new QueuedStep(members, checklist);
                    continue;
                }
            }

            first ??= new QueuedStep([key], null);
        }

        return (first, count);
    }

    /// <summary>The queued keys of one checklist, in queue order, at most <see cref="Checklists.MaxItems"/>.</summary>
    private static List<string> ChecklistMembers(List<string> ordered, string?[] checklists, string checklist)
    {
        var members = new List<string>();
        for (var i = 0; i < ordered.Count && members.Count < Checklists.MaxItems; i++)
        {
            if (checklists[i] == checklist)
            {
                members.Add(ordered[i]);
            }
        }

        return members;
    }

    private static bool ContainsKey(IReadOnlyList<string> keys, string key)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (string.Equals(keys[i], key, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One step of the queue: its keys, and the checklist they form (null for a single question).</summary>
    private sealed record QueuedStep(IReadOnlyList<string> Keys, string? Checklist);

    private static bool SexWouldSpareQuestions(PrescreenSession session, IReadOnlyList<string> ranked) =>
        !session.Answers.ContainsKey(QuestionKeys.Sex) && ranked.Any(k => KeysImpliedBySex.Contains(k, StringComparer.OrdinalIgnoreCase));

    private TrialOutlook Outlook(TrialQuestionSet set, TrialEvaluation evaluation)
    {
        var open = new OpenQuestion[evaluation.OpenQuestionKeys.Count];
        for (var i = 0; i < open.Length; i++)
        {
            open[i] = openQuestions.Of(set, evaluation.OpenQuestionKeys[i]);
        }

        return new TrialOutlook
        {
            TrialId = set.Trial.Id,
            StillPossible = evaluation.IsStillPossible,
            OpenQuestions = open,
        };
    }

    /// <summary>
    /// True when some answer to <paramref name="key"/> can make the trial not eligible (patient criterion, decisive,
    /// unflagged); the evaluator works the keys out once per trial instead of scanning criteria and flags per key.
    /// </summary>
    internal static bool CanRuleOut(TrialQuestionSet set, string key) => EligibilityEvaluator.CanRuleOut(set, key);
}
