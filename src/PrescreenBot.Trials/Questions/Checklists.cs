using System.Collections.Frozen;

namespace PrescreenBot.Trials.Questions;

/// <summary>A checklist: yes/no questions most people answer "no" to, asked together ("Does any of these apply to you?").</summary>
/// <param name="Key">Checklist key ("infections", "treatments", …).</param>
/// <param name="MemberKeys">The canonical question keys it may ask together, in display order.</param>
public sealed record Checklist(string Key, IReadOnlyList<string> MemberKeys);

/// <summary>
/// Which canonical question keys may be asked together, and each item's wording in en-US and zh-CN. A conversation shows
/// the members still open as one Yes / No / Not sure question: "no" answers every item (over the window each item names),
/// "yes" or "not sure" opens the list so each item is asked on its own. Self-harm, age, sex, condition and number questions
/// are never grouped: they need their own answer.
/// </summary>
public static class Checklists
{
    /// <summary>More than this many items makes a checklist hard to read on a phone.</summary>
    public const int MaxItems = 5;

    public const string Infections = "infections";
    public const string CurrentInfections = "current-infections";
    public const string Treatments = "treatments";
    public const string BrainAndHeart = "brain-heart";
    public const string RecentCare = "recent-care";
    public const string KidneyAndBlood = "kidney-blood";
    public const string OtherHistory = "other-history";
    public const string Pregnancy = "pregnancy";

    /// <summary>Where an item's time window goes ("… in the last 3 months" / "…（最近3个月内）"); items without it name their own ("ever", "now").</summary>
    private const string WindowPlaceholder = "{window}";

    public static IReadOnlyList<Checklist> All { get; } =
    [
        new(Infections, [QuestionKeys.Hiv, QuestionKeys.HepatitisB, QuestionKeys.HepatitisC, QuestionKeys.Syphilis]),
        new(CurrentInfections, [QuestionKeys.Tuberculosis, QuestionKeys.ActiveInfection, QuestionKeys.Immunodeficiency]),
        new(Treatments, [QuestionKeys.PriorCarT, QuestionKeys.PriorGeneTherapy, QuestionKeys.PriorCd19Antibody, QuestionKeys.BCellDrug, QuestionKeys.Transplant]),
        new(BrainAndHeart, [QuestionKeys.CnsDisease, QuestionKeys.CnsLupus, QuestionKeys.HeartDisease]),
        new(RecentCare, [QuestionKeys.LiveVaccine, QuestionKeys.Vaccine, QuestionKeys.OtherTrial, QuestionKeys.MajorSurgery, QuestionKeys.PlasmaExchange]),
        new(KidneyAndBlood, [QuestionKeys.Dialysis, QuestionKeys.LupusCrisis, QuestionKeys.Bleeding, QuestionKeys.Anticoagulant]),
        new(OtherHistory, [QuestionKeys.Malignancy, QuestionKeys.SevereAllergy, QuestionKeys.LongTermSteroids]),
        new(Pregnancy, [QuestionKeys.Pregnant, QuestionKeys.Breastfeeding]),
    ];

    /// <summary>Item wording; <c>{window}</c> marks where the widest window of the trials asking goes.</summary>
    private static readonly FrozenDictionary<string, LocalizedText> ItemTemplates = new Dictionary<string, LocalizedText>(StringComparer.OrdinalIgnoreCase)
    {
        [QuestionKeys.Hiv] = new("HIV: a positive test, ever", "HIV：曾检测阳性"),
        [QuestionKeys.HepatitisB] = new("an active hepatitis B infection (HBV) now", "目前有活动性乙型肝炎（HBV）感染"),
        [QuestionKeys.HepatitisC] = new("an active hepatitis C infection (HCV) now", "目前有活动性丙型肝炎（HCV）感染"),
        [QuestionKeys.Syphilis] = new("syphilis: a positive test, ever", "梅毒：曾检测阳性"),
        [QuestionKeys.Tuberculosis] = new("active tuberculosis (TB){window}", "活动性结核病（TB）{window}"),
        [QuestionKeys.ActiveInfection] = new("an infection that needs or needed medicine by mouth or drip{window}", "需要口服或输液药物治疗的感染{window}"),
        [QuestionKeys.Immunodeficiency] = new("a weak immune system from birth or from an illness (immunodeficiency)", "先天或疾病导致的免疫系统虚弱（免疫缺陷）"),
        [QuestionKeys.PriorCarT] = new("CAR-T cell therapy (immune cells changed in a lab), ever", "曾接受CAR-T细胞治疗（在实验室改造过的免疫细胞）"),
        [QuestionKeys.PriorGeneTherapy] = new("any gene therapy, including gene-modified cells, ever", "曾接受任何基因治疗（包括基因修饰的细胞）"),
        [QuestionKeys.PriorCd19Antibody] = new("a medicine that targets CD19 (for example inebilizumab), ever", "曾使用靶向CD19的药物（例如伊奈利珠单抗）"),
        [QuestionKeys.BCellDrug] = new("a medicine that targets B cells, such as rituximab{window}", "靶向B细胞的药物，例如利妥昔单抗{window}"),
        [QuestionKeys.Transplant] = new("an organ, stem cell or bone marrow transplant{window}", "器官、造血干细胞或骨髓移植{window}"),
        [QuestionKeys.CnsDisease] = new("a disease of the brain or nerves, such as epilepsy, a stroke, a serious head injury or dementia{window}", "脑或神经系统疾病，例如癫痫、中风、严重脑外伤或痴呆{window}"),
        [QuestionKeys.CnsLupus] = new("lupus affecting the brain or nerves (for example seizures, severe headaches or memory problems caused by lupus){window}", "狼疮累及脑或神经（例如狼疮引起的癫痫发作、严重头痛或记忆问题）{window}"),
        [QuestionKeys.HeartDisease] = new("a serious heart problem, such as heart failure, a heart attack or a serious irregular heartbeat{window}", "严重心脏问题，例如心力衰竭、心肌梗死或严重心律失常{window}"),
        [QuestionKeys.LiveVaccine] = new("a live vaccine (for example measles-mumps-rubella, chickenpox, yellow fever or nasal flu vaccine){window}", "减毒活疫苗（例如麻腮风、水痘、黄热病或鼻喷流感疫苗）{window}"),
        [QuestionKeys.Vaccine] = new("any vaccine (for example flu, COVID-19 or shingles){window}", "任何疫苗（例如流感、新冠或带状疱疹疫苗）{window}"),
        [QuestionKeys.OtherTrial] = new("taking part in another clinical study of a medicine or treatment{window}", "参加其他药物或治疗的临床研究{window}"),
        [QuestionKeys.MajorSurgery] = new("major surgery (an operation in hospital){window}", "大手术（住院手术）{window}"),
        [QuestionKeys.PlasmaExchange] = new("plasma exchange or blood filtering (plasmapheresis){window}", "血浆置换或血液净化{window}"),
        [QuestionKeys.Dialysis] = new("dialysis (a machine cleaning the blood because the kidneys fail){window}", "透析（因肾衰竭用机器净化血液）{window}"),
        [QuestionKeys.LupusCrisis] = new("a lupus crisis (a sudden, life-threatening lupus flare){window}", "狼疮危象（突发的、危及生命的狼疮发作）{window}"),
        [QuestionKeys.Bleeding] = new("serious bleeding that needed medical care{window}", "需要就医的严重出血{window}"),
        [QuestionKeys.Anticoagulant] = new("needing blood thinners long term (for example warfarin or rivaroxaban)", "需要长期服用抗凝药（例如华法林或利伐沙班）"),
        [QuestionKeys.Malignancy] = new("cancer (a malignant tumour){window}", "癌症（恶性肿瘤）{window}"),
        [QuestionKeys.SevereAllergy] = new("a severe allergic reaction (anaphylaxis), ever", "曾有严重过敏反应（过敏性休克）"),
        [QuestionKeys.LongTermSteroids] = new("another illness that needs long-term steroids or strong immune-suppressing medicines", "其他需要长期使用激素或强效免疫抑制剂的疾病"),
        [QuestionKeys.Pregnant] = new("being pregnant now", "目前怀孕"),
        [QuestionKeys.Breastfeeding] = new("breastfeeding now", "目前在哺乳"),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> ChecklistOfKey = All
        .SelectMany(checklist => checklist.MemberKeys.Select(key => (Key: key, Checklist: checklist.Key)))
        .ToFrozenDictionary(pair => pair.Key, pair => pair.Checklist, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every key some checklist may ask.</summary>
    public static IReadOnlyCollection<string> GroupedKeys => ChecklistOfKey.Keys;

    /// <summary>The checklist <paramref name="key"/> belongs to, or null when it is always asked on its own.</summary>
    public static string? ChecklistOf(string key) => ChecklistOfKey.GetValueOrDefault(key);

    /// <summary>
    /// The item's line for a checklist, over <paramref name="windowDays"/> (the widest window of the trials asking; null = ever):
    /// "a live vaccine (…) in the last 6 weeks" / "减毒活疫苗（…）（最近6周内）".
    /// </summary>
    public static LocalizedText ItemText(string key, int? windowDays)
    {
        var template = ItemTemplates.GetValueOrDefault(key) ?? throw new ArgumentException($"'{key}' is not a checklist item.", nameof(key));
        var (en, zh) = windowDays is { } days ? (" in " + QuestionCatalog.WindowWords(days).En, $"（{QuestionCatalog.WindowWords(days).Zh}内）") : ("", "");
        return new(template.EnUs.Replace(WindowPlaceholder, en, StringComparison.Ordinal), template.ZhCn.Replace(WindowPlaceholder, zh, StringComparison.Ordinal));
    }
}
