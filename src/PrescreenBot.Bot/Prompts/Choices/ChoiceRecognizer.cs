using PrescreenBot.Bot.Prompts.Recognizers;

namespace PrescreenBot.Bot.Prompts;

/// <summary>
/// Finds which choice a message means, in order: exact value / synonym / button title; ordinal ("the first one", "第二个");
/// a number alone ("2", "number two") as a 1-based index; the choice's words inside the message ("I take the bus")
/// or the message inside one choice ("bus" for "Bus ride"); then a near spelling (edit distance). Ambiguous matches
/// (two choices equally good) are not recognized.
/// </summary>
public static class ChoiceRecognizer
{
    /// <summary>Longest message length (after normalizing) considered a bare index like "option 2".</summary>
    private const int MaxIndexMessageLength = 12;

    /// <summary>Shortest message that may match part of a longer choice: shorter ones are too vague.</summary>
    private const int MinPartialLength = 3;

    /// <summary>Words up to this long tolerate a single typo.</summary>
    private const int ShortWordLength = 5;

    public static FoundChoice? Recognize(string? text, IList<Choice> choices, ILanguageRecognizer language)
    {
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(language);
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0 || choices.Count == 0)
        {
            return null;
        }

        return Exact(normalized, choices)
            ?? Positional(text!, normalized, choices, language)
            ?? Contained(normalized, choices)
            ?? Fuzzy(normalized, choices);
    }

    private static IEnumerable<(int Index, string Candidate)> Candidates(IList<Choice> choices)
    {
        for (var i = 0; i < choices.Count; i++)
        {
            var choice = choices[i];
            yield return (i, choice.Value);
            if (choice.Synonyms is not null)
            {
                foreach (var synonym in choice.Synonyms)
                {
                    yield return (i, synonym);
                }
            }

            if (choice.Action?.Title is { } title)
            {
                yield return (i, title);
            }
        }
    }

    private static FoundChoice? Exact(string normalized, IList<Choice> choices)
    {
        // Button presses send the value itself: match it before normalizing every candidate.
        for (var i = 0; i < choices.Count; i++)
        {
            if (string.Equals(choices[i].Value, normalized, StringComparison.OrdinalIgnoreCase))
            {
                return Found(choices, i, 1f, choices[i].Value);
            }
        }

        foreach (var (index, candidate) in Candidates(choices))
        {
            if (string.Equals(TextNormalizer.Normalize(candidate), normalized, StringComparison.Ordinal))
            {
                return Found(choices, index, 1f, candidate);
            }
        }

        return null;
    }

    private static FoundChoice? Positional(string text, string normalized, IList<Choice> choices, ILanguageRecognizer language)
    {
        if (language.RecognizeOrdinal(text) is { } ordinal)
        {
            var index = ordinal == -1 ? choices.Count - 1 : ordinal - 1;
            if (index >= 0 && index < choices.Count)
            {
                return Found(choices, index, 1f, normalized);
            }
        }

        if (normalized.Length <= MaxIndexMessageLength && language.RecognizeNumber(text) is { } number &&
            decimal.Truncate(number) == number && number >= 1 && number <= choices.Count)
        {
            return Found(choices, (int)number - 1, 1f, normalized);
        }

        return null;
    }

    private static FoundChoice? Contained(string normalized, IList<Choice> choices)
    {
        var best = (Index: -1, Score: 0f, Candidate: string.Empty);
        var tie = false;
        foreach (var (index, candidate) in Candidates(choices))
        {
            var target = TextNormalizer.Normalize(candidate);
            if (target.Length == 0)
            {
                continue;
            }

            float score;
            if (Contains(normalized, target))
            {
                score = (float)target.Length / normalized.Length;
            }
            else if (normalized.Length >= MinPartialLength && Contains(target, normalized))
            {
                score = 0.9f * normalized.Length / target.Length;
            }
            else
            {
                continue;
            }

            if (score > best.Score)
            {
                tie = best.Index >= 0 && best.Index != index && Math.Abs(score - best.Score) < float.Epsilon;
                best = (index, score, candidate);
            }
            else if (Math.Abs(score - best.Score) < float.Epsilon && index != best.Index)
            {
                tie = true;
            }
        }

        return best.Index >= 0 && !tie ? Found(choices, best.Index, best.Score, best.Candidate) : null;
    }

    private static FoundChoice? Fuzzy(string normalized, IList<Choice> choices)
    {
        var best = (Index: -1, Distance: int.MaxValue, Candidate: string.Empty);
        var tie = false;
        foreach (var (index, candidate) in Candidates(choices))
        {
            var target = TextNormalizer.Normalize(candidate);
            if (target.Length < MinPartialLength)
            {
                continue;
            }

            // One typo in short words, about one per three letters in longer ones: "bycicle" (2 edits) finds "Bicycle".
            var allowed = target.Length <= ShortWordLength ? 1 : target.Length / 3;
            var distance = EditDistance.Compute(normalized, target);
            if (distance > allowed)
            {
                continue;
            }

            if (distance < best.Distance)
            {
                tie = false;
                best = (index, distance, candidate);
            }
            else if (distance == best.Distance && index != best.Index)
            {
                tie = true;
            }
        }

        if (best.Index < 0 || tie)
        {
            return null;
        }

        var length = Math.Max(normalized.Length, TextNormalizer.Normalize(best.Candidate).Length);
        return Found(choices, best.Index, 1f - ((float)best.Distance / length), best.Candidate);
    }

    /// <summary>Whole words for spaced languages; plain substring when either side is Chinese (no spaces between words).</summary>
    private static bool Contains(string text, string part) =>
        part.Any(TextNormalizer.IsCjk) || text.Any(TextNormalizer.IsCjk)
            ? text.Contains(part, StringComparison.Ordinal)
            : TextNormalizer.ContainsWords(text, part);

    private static FoundChoice Found(IList<Choice> choices, int index, float score, string synonym) =>
        new() { Value = choices[index].Value, Index = index, Score = score, Synonym = synonym };
}
