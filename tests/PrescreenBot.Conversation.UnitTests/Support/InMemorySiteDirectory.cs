using PrescreenBot.Conversation.Referrals;

namespace PrescreenBot.Conversation.UnitTests.Support;

public sealed class InMemorySiteDirectory(params StudySite[] sites) : ISiteDirectory
{
    public IReadOnlyList<StudySite> SitesForTrial(string trialId) =>
        [.. sites.Where(s => s.Trials.Contains(trialId, StringComparer.OrdinalIgnoreCase))];

    /// <summary>
    /// Placeholder sites for the seed trials, as the sample directory of issue 7: one per NCT trial, and two in Hangzhou for the
    /// Zhejiang trial (which has no NCT id), so the "which site?" question is exercised.
    /// </summary>
    public static InMemorySiteDirectory ForSeedTrials(IEnumerable<string> trialIds)
    {
        var ids = trialIds.ToList();
        var zhejiang = ids.Where(i => !i.StartsWith("NCT", StringComparison.OrdinalIgnoreCase)).ToList();
        return new InMemorySiteDirectory(
            new StudySite("wuhan-union", "Wuhan Union Hospital", "Wuhan", "China", ["NCT07339332"]),
            new StudySite("zzu-first", "The First Affiliated Hospital of Zhengzhou University", "Zhengzhou", "China", ["NCT06316791"]),
            new StudySite("luoyang-second", "Second Affiliated Hospital of Henan University of Science and Technology", "Luoyang", "China", ["NCT07161193"]),
            new StudySite("chongqing-centre", "Chongqing study centre", "Chongqing", "China", ["NCT07318259"]),
            new StudySite("zju-children", "Children's Hospital, Zhejiang University", "Hangzhou", "China", zhejiang),
            new StudySite("zju-first", "First Affiliated Hospital, Zhejiang University", "Hangzhou", "China", zhejiang));
    }
}
