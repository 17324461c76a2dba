namespace PrescreenBot.Trials.Questions;

/// <summary>A checklist that asks several canonical keys at once ("Has a doctor ever told you … any of these?").</summary>
/// <param name="Key">Group key ("infections", "treatments", "history", "recent").</param>
/// <param name="Intro">The question above the list.</param>
/// <param name="MemberKeys">The canonical question keys it covers, in display order.</param>
/// <param name="Sensitive">Ask with care (it names HIV or syphilis).</param>
public sealed record QuestionGroup(string Key, LocalizedText Intro, IReadOnlyList<string> MemberKeys, bool Sensitive = false);

/// <summary>
/// Checklist groups over the canonical keys. Each member is one fact with its own short label; choosing it means
/// "yes", leaving it out means "no", "none of these" means "no" to all, "not sure" means "not sure" to all.
/// One checklist replaces up to nine yes/no questions for a patient with nothing to report.
/// </summary>
public static class QuestionGroups
{
    public const string Infections = "infections";
    public const string Treatments = "treatments";
    public const string History = "history";
    public const string Recent = "recent";

    public static IReadOnlyList<QuestionGroup> All { get; } =
    [
        new(Infections,
            new("Has a doctor ever told you that you have any of these? Choose all that apply, or \"none of these\". Your answers stay private.",
                "医生是否告诉过您患有以下任何一种情况？请选择所有适用项，或选择“以上都没有”。您的回答会被保密。"),
            [QuestionKeys.Hiv, QuestionKeys.HepatitisB, QuestionKeys.HepatitisC, QuestionKeys.Syphilis, QuestionKeys.Tuberculosis, QuestionKeys.Immunodeficiency],
            Sensitive: true),
        new(Treatments,
            new("Have you had any of these treatments? Choose all that apply, or \"none of these\".",
                "您是否接受过以下任何治疗？请选择所有适用项，或选择“以上都没有”。"),
            [QuestionKeys.PriorCarT, QuestionKeys.PriorGeneTherapy, QuestionKeys.PriorCd19Antibody, QuestionKeys.BCellDrug, QuestionKeys.Transplant,
             QuestionKeys.PlasmaExchange, QuestionKeys.Dialysis]),
        new(History,
            new("Have you had any of these? Choose all that apply, or \"none of these\".",
                "您是否有过以下任何情况？请选择所有适用项，或选择“以上都没有”。"),
            [QuestionKeys.Malignancy, QuestionKeys.CnsDisease, QuestionKeys.CnsLupus, QuestionKeys.HeartDisease, QuestionKeys.LupusCrisis,
             QuestionKeys.Bleeding, QuestionKeys.SevereAllergy, QuestionKeys.Anticoagulant, QuestionKeys.LongTermSteroids]),
        new(Recent,
            new("Have any of these happened to you recently? Choose all that apply, or \"none of these\".",
                "您最近是否发生过以下任何情况？请选择所有适用项，或选择“以上都没有”。"),
            [QuestionKeys.ActiveInfection, QuestionKeys.LiveVaccine, QuestionKeys.Vaccine, QuestionKeys.OtherTrial, QuestionKeys.MajorSurgery]),
    ];

    /// <summary>Short checklist labels of the member keys.</summary>
    public static IReadOnlyDictionary<string, LocalizedText> Labels { get; } = new Dictionary<string, LocalizedText>
    {
        [QuestionKeys.Hiv] = new("HIV", "HIV感染"),
        [QuestionKeys.HepatitisB] = new("an active hepatitis B infection (HBV)", "活动性乙型肝炎（HBV）"),
        [QuestionKeys.HepatitisC] = new("an active hepatitis C infection (HCV)", "活动性丙型肝炎（HCV）"),
        [QuestionKeys.Syphilis] = new("syphilis", "梅毒"),
        [QuestionKeys.Tuberculosis] = new("active tuberculosis (TB)", "活动性结核病（TB）"),
        [QuestionKeys.Immunodeficiency] = new("a weak immune system from birth or an illness (immunodeficiency)", "先天或疾病导致的免疫缺陷"),
        [QuestionKeys.PriorCarT] = new("CAR-T cell therapy", "CAR-T细胞治疗"),
        [QuestionKeys.PriorGeneTherapy] = new("any gene therapy", "任何基因治疗"),
        [QuestionKeys.PriorCd19Antibody] = new("a medicine that targets CD19 (for example inebilizumab)", "靶向CD19的药物（例如伊奈利珠单抗）"),
        [QuestionKeys.BCellDrug] = new("rituximab or another medicine that targets B cells", "利妥昔单抗或其他靶向B细胞的药物"),
        [QuestionKeys.Transplant] = new("an organ, stem cell or bone marrow transplant", "器官、造血干细胞或骨髓移植"),
        [QuestionKeys.PlasmaExchange] = new("plasma exchange (plasmapheresis)", "血浆置换"),
        [QuestionKeys.Dialysis] = new("dialysis", "透析"),
        [QuestionKeys.Malignancy] = new("cancer (a malignant tumour)", "癌症（恶性肿瘤）"),
        [QuestionKeys.CnsDisease] = new("epilepsy, a stroke, a serious head injury, dementia or another brain or nerve disease", "癫痫、中风、严重脑外伤、痴呆或其他脑部或神经系统疾病"),
        [QuestionKeys.CnsLupus] = new("lupus affecting the brain or nerves (neuropsychiatric lupus)", "狼疮累及大脑或神经（神经精神狼疮）"),
        [QuestionKeys.HeartDisease] = new("a serious heart problem (heart failure, heart attack, serious irregular heartbeat, heart condition from birth)", "严重心脏疾病（心力衰竭、心肌梗死、严重心律失常、先天性心脏病）"),
        [QuestionKeys.LupusCrisis] = new("a lupus crisis (a life-threatening lupus flare)", "狼疮危象（危及生命的狼疮发作）"),
        [QuestionKeys.Bleeding] = new("serious bleeding that needed medical care", "需要就医的严重出血"),
        [QuestionKeys.SevereAllergy] = new("a severe allergic reaction (anaphylaxis)", "严重过敏反应（过敏性休克）"),
        [QuestionKeys.Anticoagulant] = new("taking blood thinners long term (anticoagulants)", "长期服用抗凝药"),
        [QuestionKeys.LongTermSteroids] = new("another illness that needs long-term steroids or strong immune-suppressing medicines", "其他需要长期使用激素或大剂量免疫抑制剂的疾病"),
        [QuestionKeys.ActiveInfection] = new("an infection that needed medicine by mouth or through a drip", "需要口服或输液药物治疗的感染"),
        [QuestionKeys.LiveVaccine] = new("a live vaccine (for example measles-mumps-rubella, chickenpox, yellow fever)", "减毒活疫苗（例如麻腮风、水痘、黄热病疫苗）"),
        [QuestionKeys.Vaccine] = new("any other vaccine (for example flu or COVID-19)", "任何其他疫苗（例如流感或新冠疫苗）"),
        [QuestionKeys.OtherTrial] = new("taking part in another clinical study", "参加其他临床研究"),
        [QuestionKeys.MajorSurgery] = new("major surgery", "大手术"),
    };

    /// <summary>The group that covers <paramref name="key"/>, or null when the key is asked on its own.</summary>
    public static QuestionGroup? Containing(string key) =>
        All.FirstOrDefault(g => g.MemberKeys.Contains(key, StringComparer.OrdinalIgnoreCase));
}
