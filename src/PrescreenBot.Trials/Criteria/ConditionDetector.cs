using System.Text.RegularExpressions;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Trials.Criteria;

/// <summary>Finds canonical condition keys (<see cref="ConditionKeys"/>) named in a text.</summary>
public static partial class ConditionDetector
{
    private static readonly (string Key, Regex Pattern)[] Patterns =
    [
        (ConditionKeys.LupusNephritis, LupusNephritis()),
        (ConditionKeys.Itp, Itp()),
        (ConditionKeys.Sle, Sle()),
        (ConditionKeys.Ra, Ra()),
        (ConditionKeys.SystemicSclerosis, SystemicSclerosis()),
        (ConditionKeys.Myositis, Myositis()),
        (ConditionKeys.AncaVasculitis, Anca()),
        (ConditionKeys.Pemphigus, Pemphigus()),
        (ConditionKeys.Psoriasis, Psoriasis()),
        (ConditionKeys.Sjogren, Sjogren()),
    ];

    /// <summary>Keys named in <paramref name="text"/>, in catalog order.</summary>
    public static IReadOnlyList<string> Find(string text) =>
        [.. Patterns.Where(p => p.Pattern.IsMatch(text)).Select(p => p.Key)];

    [GeneratedRegex(@"lupus\s+nephritis|SLE-LN|狼疮性肾炎", RegexOptions.IgnoreCase)]
    private static partial Regex LupusNephritis();

    [GeneratedRegex(@"immune\s+thrombocytopeni|\bITP\b|血小板减少", RegexOptions.IgnoreCase)]
    private static partial Regex Itp();

    [GeneratedRegex(@"systemic\s+lupus|\bSLE\b|\blupus\b|红斑狼疮", RegexOptions.IgnoreCase)]
    private static partial Regex Sle();

    [GeneratedRegex(@"rheumatoid\s+arthritis|\bRA\b|类风湿", RegexOptions.IgnoreCase)]
    private static partial Regex Ra();

    [GeneratedRegex(@"systemic\s+sclerosis|\bSSc\b|scleroderma|硬皮病|系统性硬化", RegexOptions.IgnoreCase)]
    private static partial Regex SystemicSclerosis();

    [GeneratedRegex(@"myositis|myopathy|\bIIM\b|肌炎", RegexOptions.IgnoreCase)]
    private static partial Regex Myositis();

    [GeneratedRegex(@"\bANCA\b|\bAAV\b|vasculitis|血管炎", RegexOptions.IgnoreCase)]
    private static partial Regex Anca();

    [GeneratedRegex(@"pemphigus|天疱疮", RegexOptions.IgnoreCase)]
    private static partial Regex Pemphigus();

    [GeneratedRegex(@"psoriasis|银屑病", RegexOptions.IgnoreCase)]
    private static partial Regex Psoriasis();

    [GeneratedRegex(@"sj[öo]gren|干燥综合征", RegexOptions.IgnoreCase)]
    private static partial Regex Sjogren();
}
