namespace PrescreenBot.Trials.DialogFiles;

/// <summary>What to do with a regenerated question set given the file already on disk.</summary>
public enum MergeAction
{
    /// <summary>Write <see cref="MergeOutcome.Set"/> (no file yet, or the file is a draft).</summary>
    Write,

    /// <summary>Leave the approved file as it is: the source did not change.</summary>
    Keep,

    /// <summary>Write a merged draft that keeps the approved criteria whose text did not change.</summary>
    Merge,

    /// <summary>Do not write: the approved file's source changed and merging was not asked for.</summary>
    Refuse,
}

/// <summary>The decision and, for <see cref="MergeAction.Write"/>/<see cref="MergeAction.Merge"/>, the set to write.</summary>
public sealed record MergeOutcome(MergeAction Action, TrialQuestionSet? Set, string Message);

/// <summary>
/// Regeneration never loses a coordinator's approved edits: an approved file whose source is unchanged is kept;
/// if the source changed, the regeneration is refused unless a merge is asked for, and a merge keeps every
/// approved criterion whose text is unchanged (questions, reasons, notes, resolved flags) and marks the result draft.
/// </summary>
public static class DialogMerge
{
    public static MergeOutcome Decide(TrialQuestionSet? existing, TrialQuestionSet regenerated, bool allowMerge)
    {
        ArgumentNullException.ThrowIfNull(regenerated);
        if (existing is null)
        {
            return new(MergeAction.Write, regenerated, "new question set (draft)");
        }

        if (existing.Status == QuestionSetStatus.Draft)
        {
            return new(MergeAction.Write, regenerated, "replaced the earlier draft");
        }

        if (string.Equals(existing.SourceHash, regenerated.SourceHash, StringComparison.Ordinal))
        {
            return new(MergeAction.Keep, existing, "kept: approved and its source is unchanged");
        }

        var byId = existing.Criteria.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var changed = regenerated.Criteria.Where(c => !byId.TryGetValue(c.Id, out var old) || !SameText(old, c)).Select(c => c.Id).ToList();
        var removed = existing.Criteria.Where(c => !regenerated.Criteria.Any(r => r.Id == c.Id)).Select(c => c.Id).ToList();
        var summary = $"source changed ({existing.SourceHash ?? "no hash"} → {regenerated.SourceHash}); " +
                      $"new or changed criteria: {List(changed)}; removed: {List(removed)}";
        if (!allowMerge)
        {
            return new(MergeAction.Refuse, null,
                $"refused: the file is approved and its {summary}. Rerun with --merge to write a draft that keeps the approved criteria whose text is unchanged, or move the approved file away first.");
        }

        var criteria = regenerated.Criteria.Select(c => byId.TryGetValue(c.Id, out var old) && SameText(old, c) ? old : c).ToList();
        var keptFlags = existing.Flags.Where(f => f.Resolved).ToList();
        var flags = regenerated.Flags
            .Select(f => keptFlags.FirstOrDefault(k => k.Code == f.Code && k.CriterionId == f.CriterionId) is { } kept ? f with { Resolved = true, Resolution = kept.Resolution } : f)
            .ToList();
        var merged = regenerated with
        {
            Trial = KeepTranslatedTitle(existing.Trial, regenerated.Trial),
            Status = QuestionSetStatus.Draft,
            Criteria = criteria,
            Flags = flags,
            Cohorts = existing.Cohorts.Count == regenerated.Cohorts.Count ? existing.Cohorts : regenerated.Cohorts,
            ReviewNote = $"Merged after the {summary}. Approved criteria with unchanged text were kept as reviewed; review the others, then set status: approved."
                         + (existing.ReviewNote is { } note ? " Earlier note: " + note : string.Empty),
        };
        return new(MergeAction.Merge, merged, "merged into a draft: " + summary);
    }

    /// <summary>The reviewer's Chinese title survives regeneration while the English title it translates is unchanged.</summary>
    private static Trial KeepTranslatedTitle(Trial existing, Trial regenerated) =>
        regenerated.TitleZh is null && string.Equals(existing.Title, regenerated.Title, StringComparison.Ordinal)
            ? regenerated with { TitleZh = existing.TitleZh }
            : regenerated;

    private static bool SameText(Criterion a, Criterion b) =>
        string.Equals(Normalize(a.Text), Normalize(b.Text), StringComparison.Ordinal) && a.Kind == b.Kind;

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string List(IReadOnlyList<string> ids) => ids.Count == 0 ? "none" : string.Join(", ", ids);
}
