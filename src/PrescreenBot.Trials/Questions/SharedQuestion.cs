namespace PrescreenBot.Trials.Questions;

/// <summary>
/// One canonical key asked once for several trials. Record the patient's yes/no answer with
/// <c>Answer.Yes(WindowDays)</c> / <c>Answer.No(WindowDays)</c> so every trial can judge it against its own window.
/// </summary>
public sealed record SharedQuestion
{
    public required string Key { get; init; }

    public required AnswerType AnswerType { get; init; }

    public required LocalizedText Text { get; init; }

    public string? Unit { get; init; }

    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The window the text asks about (the widest among the trials, so a "no" settles all); null = ever.</summary>
    public int? WindowDays { get; init; }

    public bool Sensitive { get; init; }

    public bool SelfHarmRisk { get; init; }

    /// <summary>Trial ids whose criteria use this key.</summary>
    public IReadOnlyList<string> TrialIds { get; init; } = [];

    /// <summary>
    /// Composes the question for <paramref name="key"/> across <paramref name="sets"/>: the reviewed text of the dialog
    /// files when they agree, else the catalog wording over the widest window. Null when no set uses the key.
    /// </summary>
    public static SharedQuestion? For(string key, IEnumerable<TrialQuestionSet> sets, bool forGuardian = false)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var uses = sets
            .SelectMany(s => s.Criteria.SelectMany(c => c.Questions).Where(q => string.Equals(q.Key, key, StringComparison.OrdinalIgnoreCase))
                .Select(q => (Set: s, Question: q)))
            .ToList();
        if (uses.Count == 0)
        {
            return null;
        }

        // "Ever" is the widest window of all; otherwise take the longest so a "no" answer settles every trial.
        int? window = uses.Any(u => u.Question.WindowDays is null) ? null : uses.Max(u => u.Question.WindowDays);
        var first = uses[0].Question;
        var sameWindow = uses.Where(u => u.Question.WindowDays == window).Select(u => u.Question).ToList();
        var texts = sameWindow.Select(q => forGuardian ? q.GuardianText ?? q.Text : q.Text).Distinct().ToList();
        var template = QuestionCatalog.Find(key);

        LocalizedText text;
        if (texts.Count == 1 && (!forGuardian || sameWindow[0].GuardianText is not null))
        {
            text = texts[0];
        }
        else if (template is not null)
        {
            text = QuestionCatalog.Compose(key, window, forGuardian);
        }
        else
        {
            var plain = sameWindow.Count > 0 ? sameWindow[0].Text : first.Text;
            text = forGuardian ? new(QuestionCatalog.GuardianPrefix.EnUs + plain.EnUs, QuestionCatalog.GuardianPrefix.ZhCn + plain.ZhCn) : plain;
        }

        return new SharedQuestion
        {
            Key = key,
            AnswerType = first.AnswerType,
            Text = text,
            Unit = first.Unit,
            Choices = [.. uses.SelectMany(u => u.Question.Choices).Distinct(StringComparer.OrdinalIgnoreCase)],
            WindowDays = first.AnswerType == AnswerType.YesNo ? window : null,
            Sensitive = uses.Any(u => u.Question.Sensitive),
            SelfHarmRisk = uses.Any(u => u.Question.SelfHarmRisk),
            TrialIds = [.. uses.Select(u => u.Set.Trial.Id).Distinct(StringComparer.Ordinal)],
        };
    }
}
