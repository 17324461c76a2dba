using System.Collections.Concurrent;
using PrescreenBot.Trials;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Conversation.Screening;

/// <summary>
/// The shared questions of one <see cref="TrialCatalog"/>, composed once per key, respondent and set of trials still
/// possible instead of on every turn: composing scans every criterion of every trial, and its result depends on nothing
/// else (the catalog and its question sets are immutable). Questions are immutable records, so conversations share them.
/// </summary>
internal sealed class ComposedQuestions(TrialCatalog catalog)
{
    /// <summary>Enough for every key × respondent × likely subset of a catalog's trials; beyond it questions are composed uncached.</summary>
    private const int MaxEntries = 4_096;

    /// <summary>A subset of trials is named by a bit per trial, so only catalogs this small are cached.</summary>
    private const int MaxTrials = 64;

    private readonly ConcurrentDictionary<(string Key, bool Guardian, ulong Trials), SharedQuestion> cache = new();

    public SharedQuestion Get(string key, IReadOnlyList<TrialQuestionSet> possible, bool guardian)
    {
        if (!TryName(possible, out var trials))
        {
            return ScreeningEngine.Compose(key, possible, guardian);
        }

        var entry = (key, guardian, trials);
        if (cache.TryGetValue(entry, out var known))
        {
            return known;
        }

        var composed = ScreeningEngine.Compose(key, possible, guardian);
        return cache.Count < MaxEntries ? cache.GetOrAdd(entry, composed) : composed;
    }

    /// <summary>
    /// One bit per trial by its place in the catalog's screening order. Composition depends on the order of the trials, so
    /// only a list in that order (as every candidate list is) gets a name; any other list is composed uncached.
    /// </summary>
    private bool TryName(IReadOnlyList<TrialQuestionSet> possible, out ulong trials)
    {
        trials = 0;
        var previous = -1;
        foreach (var set in possible)
        {
            var place = catalog.PlaceOf(set);
            if (place <= previous || place >= MaxTrials)
            {
                return false;
            }

            trials |= 1UL << place;
            previous = place;
        }

        return true;
    }
}
