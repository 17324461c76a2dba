namespace PrescreenBot.Trials.Questions;

/// <summary>One checklist item: a canonical key, its label over its time window, and that window.</summary>
public sealed record GroupItem(string Key, LocalizedText Label, int? WindowDays);

/// <summary>
/// A <see cref="QuestionGroup"/> composed for the candidate trials: only the members some trial uses and the
/// patient has not answered yet, each over its widest window among the trials ("a live vaccine (in the last 6 weeks)").
/// Turn the patient's choice into per-key answers with <see cref="AnswersFor"/> or <see cref="NotSureAnswers"/>.
/// </summary>
public sealed record GroupQuestion
{
    public required string GroupKey { get; init; }

    /// <summary>The intro line followed by one line per item ("• …"), ready to show.</summary>
    public required LocalizedText Text { get; init; }

    public required LocalizedText Intro { get; init; }

    public required IReadOnlyList<GroupItem> Items { get; init; }

    public bool Sensitive { get; init; }

    /// <summary>Label of the "none of these" choice.</summary>
    public static LocalizedText NoneOfThese { get; } = new("None of these", "以上都没有");

    /// <summary>
    /// Composes <paramref name="groupKey"/> for <paramref name="sets"/>, leaving out keys already in
    /// <paramref name="answered"/> (implied answers included). Null when no member is left to ask.
    /// </summary>
    public static GroupQuestion? For(
        string groupKey, IEnumerable<TrialQuestionSet> sets, IReadOnlyDictionary<string, Answer>? answered = null, bool forGuardian = false)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var group = QuestionGroups.All.FirstOrDefault(g => g.Key == groupKey) ?? throw new ArgumentException($"Unknown question group '{groupKey}'.", nameof(groupKey));
        var candidates = sets.ToList();
        var known = answered is null ? new Dictionary<string, Answer>() : ImpliedAnswers.Complete(answered);
        var items = new List<GroupItem>();
        foreach (var key in group.MemberKeys.Where(k => !known.ContainsKey(k)))
        {
            if (SharedQuestion.For(key, candidates) is not { } shared)
            {
                continue;
            }

            var label = QuestionGroups.Labels[key];
            items.Add(new GroupItem(key, WithWindow(label, shared.WindowDays), shared.WindowDays));
        }

        if (items.Count == 0)
        {
            return null;
        }

        var intro = forGuardian
            ? new LocalizedText(QuestionCatalog.GuardianPrefix.EnUs + group.Intro.EnUs, QuestionCatalog.GuardianPrefix.ZhCn + group.Intro.ZhCn)
            : group.Intro;
        return new GroupQuestion
        {
            GroupKey = group.Key,
            Intro = intro,
            Items = items,
            Sensitive = group.Sensitive,
            Text = new(
                intro.EnUs + string.Concat(items.Select(i => "\n• " + i.Label.EnUs)),
                intro.ZhCn + string.Concat(items.Select(i => "\n• " + i.Label.ZhCn))),
        };
    }

    /// <summary>"Yes" (over each item's window) for the chosen keys, "no" for every other item; no keys = "none of these".</summary>
    public IReadOnlyDictionary<string, Answer> AnswersFor(IEnumerable<string> chosenKeys)
    {
        var chosen = chosenKeys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Items.ToDictionary(i => i.Key, i => chosen.Contains(i.Key) ? Answer.Yes(i.WindowDays) : Answer.No(i.WindowDays));
    }

    /// <summary>"Not sure" for every item.</summary>
    public IReadOnlyDictionary<string, Answer> NotSureAnswers() => Items.ToDictionary(i => i.Key, _ => Answer.NotSure);

    private static LocalizedText WithWindow(LocalizedText label, int? windowDays) => windowDays switch
    {
        null => label,
        0 => new(label.EnUs + " (now)", "目前" + label.ZhCn),
        { } days => new($"{label.EnUs} (in {QuestionCatalog.WindowWords(days).En})", QuestionCatalog.WindowWords(days).Zh + "内" + label.ZhCn),
    };
}
