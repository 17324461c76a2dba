namespace PrescreenBot.Trials.Questions;

/// <summary>Canonical condition keys: the choices of the <c>condition</c> question and the keys of cohorts.</summary>
public static class ConditionKeys
{
    public const string Sle = "sle";
    public const string LupusNephritis = "lupus-nephritis";
    public const string Itp = "itp";
    public const string Ra = "ra";
    public const string SystemicSclerosis = "systemic-sclerosis";
    public const string Myositis = "myositis";
    public const string AncaVasculitis = "anca-vasculitis";
    public const string Pemphigus = "pemphigus";
    public const string Psoriasis = "psoriasis";
    public const string Sjogren = "sjogren";

    /// <summary>None of the listed conditions.</summary>
    public const string Other = "other";

    /// <summary>Every key with its patient-facing label.</summary>
    public static IReadOnlyDictionary<string, LocalizedText> Labels { get; } = new Dictionary<string, LocalizedText>
    {
        [Sle] = new("Lupus (systemic lupus erythematosus, SLE)", "系统性红斑狼疮（SLE）"),
        [LupusNephritis] = new("Lupus affecting the kidneys (lupus nephritis)", "狼疮性肾炎"),
        [Itp] = new("Low platelets (immune thrombocytopenia, ITP)", "免疫性血小板减少症（ITP）"),
        [Ra] = new("Rheumatoid arthritis (RA)", "类风湿关节炎（RA）"),
        [SystemicSclerosis] = new("Scleroderma (systemic sclerosis, SSc)", "系统性硬化症（硬皮病）"),
        [Myositis] = new("Muscle inflammation (myositis, dermatomyositis or polymyositis)", "炎性肌病（皮肌炎或多发性肌炎）"),
        [AncaVasculitis] = new("ANCA vasculitis (ANCA-associated vasculitis)", "ANCA相关性血管炎"),
        [Pemphigus] = new("Pemphigus (a blistering skin disease)", "天疱疮"),
        [Psoriasis] = new("Psoriasis", "银屑病"),
        [Sjogren] = new("Sjögren's disease", "干燥综合征"),
        [Other] = new("Something else", "其他疾病"),
    };

    /// <summary>
    /// Conditions that include another: a patient with lupus nephritis has lupus (SLE), so an SLE cohort admits them.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> Implies { get; } = new Dictionary<string, string[]>
    {
        [LupusNephritis] = [Sle],
    };

    /// <summary>The chosen keys plus the ones they imply.</summary>
    public static IReadOnlySet<string> Expand(IEnumerable<string> chosen)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in chosen)
        {
            set.Add(key);
            if (Implies.TryGetValue(key, out var more))
            {
                set.UnionWith(more);
            }
        }

        return set;
    }
}
