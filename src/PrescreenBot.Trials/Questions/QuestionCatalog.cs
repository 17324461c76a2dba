using System.Globalization;

namespace PrescreenBot.Trials.Questions;

/// <summary>
/// The default wording of every canonical question key (<see cref="QuestionKeys"/>) in en-US and zh-CN, used by
/// derivation and by a conversation that asks one key for several trials at once (<see cref="Compose"/>).
/// </summary>
public static class QuestionCatalog
{
    private const string W = "{window}";

    /// <summary>Prefix that turns a question to the patient into one for a parent or guardian.</summary>
    public static LocalizedText GuardianPrefix { get; } = new("About your child: ", "关于您的孩子：");

    public static IReadOnlyDictionary<string, QuestionTemplate> Templates { get; } = Build().ToDictionary(t => t.Key);

    /// <summary>The template of <paramref name="key"/>, or null for a key this catalog does not know.</summary>
    public static QuestionTemplate? Find(string key) => Templates.GetValueOrDefault(key);

    /// <summary>
    /// The question text for <paramref name="key"/> over a time window (null = ever); for a guardian, the
    /// guardian wording or the patient wording behind <see cref="GuardianPrefix"/>.
    /// </summary>
    public static LocalizedText Compose(string key, int? windowDays, bool forGuardian = false)
    {
        var template = Find(key) ?? throw new ArgumentException($"Unknown question key '{key}'.", nameof(key));
        if (forGuardian && template.Guardian is { } guardian)
        {
            return guardian;
        }

        var text = windowDays is > 0 and var days && template.Within is { } within ? Fill(within, days) : template.Ever;
        return forGuardian ? new(GuardianPrefix.EnUs + text.EnUs, GuardianPrefix.ZhCn + text.ZhCn) : text;
    }

    /// <summary>Replaces <c>{window}</c> with "the last N weeks" / "最近N周".</summary>
    public static LocalizedText Fill(LocalizedText text, int? windowDays)
    {
        var (en, zh) = windowDays is { } days ? WindowWords(days) : ("the past", "过去");
        return new(text.EnUs.Replace(W, en, StringComparison.Ordinal), text.ZhCn.Replace(W, zh, StringComparison.Ordinal));
    }

    /// <summary>A window in words: 28 → ("the last 4 weeks", "最近4周"), 30 → ("the last 30 days", "最近30天").</summary>
    public static (string En, string Zh) WindowWords(int days)
    {
        static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        if (days == 30)
        {
            return ("the last month", "最近1个月");
        }

        if (days % 365 == 0)
        {
            var y = days / 365;
            return (y == 1 ? "the last year" : $"the last {N(y)} years", $"最近{N(y)}年");
        }

        if (days % 30 == 0 && days >= 60)
        {
            var m = days / 30;
            return ($"the last {N(m)} months", $"最近{N(m)}个月");
        }

        if (days % 7 == 0)
        {
            var w = days / 7;
            return (w == 1 ? "the last week" : $"the last {N(w)} weeks", $"最近{N(w)}周");
        }

        return ($"the last {N(days)} days", $"最近{N(days)}天");
    }

    private static LocalizedText T(string en, string zh) => new(en, zh);

    private static QuestionTemplate YesNo(
        string key, string concept, LocalizedText ever, LocalizedText? within, LocalizedText excluded,
        bool sensitive = false, bool selfHarm = false) => new()
        {
            Key = key,
            Concept = concept,
            Ever = ever,
            Within = within,
            ExcludedPhrase = excluded,
            Sensitive = sensitive,
            SelfHarmRisk = selfHarm,
        };

    private static QuestionTemplate Current(QuestionTemplate template) => template with { CurrentState = true };

    private static IEnumerable<QuestionTemplate> Build()
    {
        yield return new()
        {
            Key = QuestionKeys.Age,
            Concept = Concepts.Age,
            AnswerType = AnswerType.Number,
            Unit = Units.Years,
            Ever = T("How old are you (age in years)?", "您今年多大（年龄，周岁）？"),
            Guardian = T("How old is your child (age in years)?", "您的孩子今年多大（年龄，周岁）？"),
        };
        yield return new()
        {
            Key = QuestionKeys.Sex,
            Concept = Concepts.Sex,
            AnswerType = AnswerType.Choice,
            Choices = ["female", "male"],
            Ever = T("What sex were you assigned at birth (female or male)?", "您的出生性别是（女或男）？"),
            Guardian = T("What sex was your child assigned at birth (female or male)?", "您的孩子的出生性别是（女或男）？"),
        };
        yield return new()
        {
            Key = QuestionKeys.Condition,
            Concept = Concepts.Diagnosis,
            AnswerType = AnswerType.Choice,
            Choices = [.. ConditionKeys.Labels.Keys],
            Ever = T(
                "Which of these conditions has a doctor diagnosed you with? You can pick more than one.",
                "医生诊断您患有以下哪种疾病？可以多选。"),
            Guardian = T(
                "Which of these conditions has a doctor diagnosed your child with? You can pick more than one.",
                "医生诊断您的孩子患有以下哪种疾病？可以多选。"),
        };
        yield return new()
        {
            Key = QuestionKeys.DiagnosisDuration,
            Concept = Concepts.Diagnosis,
            AnswerType = AnswerType.Number,
            Unit = Units.Months,
            Ever = T(
                "How long ago were you diagnosed with this condition (in months or years)?",
                "您确诊这种疾病有多长时间了（几个月或几年）？"),
        };
        yield return new()
        {
            Key = QuestionKeys.Refractory,
            Concept = Concepts.PriorTherapy,
            Ever = T(
                "Is your condition still active even though you have had standard treatment for at least 3 months " +
                "(for example steroids plus other immune-suppressing medicines), or could you not tolerate that treatment (refractory disease)?",
                "尽管已接受至少3个月的标准治疗（例如激素加其他免疫抑制药物），您的疾病仍然活动，或者您无法耐受这些治疗（难治性疾病）吗？"),
        };
        yield return Current(YesNo(QuestionKeys.Pregnant, Concepts.Pregnancy,
            T("Are you pregnant (pregnancy)?", "您目前怀孕了吗？"), null,
            T("are not pregnant", "未怀孕"), sensitive: true));
        yield return Current(YesNo(QuestionKeys.Breastfeeding, Concepts.Pregnancy,
            T("Are you breastfeeding (lactating)?", "您目前在哺乳（母乳喂养）吗？"), null,
            T("are not breastfeeding", "不在哺乳期")));
        yield return YesNo(QuestionKeys.Hiv, Concepts.Infection,
            T("Have you ever had a positive test for HIV (human immunodeficiency virus)? Your answer stays private.",
                "您是否曾经检测出HIV（人类免疫缺陷病毒）阳性？您的回答会被保密。"), null,
            T("do not have HIV", "未感染HIV"), sensitive: true);
        yield return Current(YesNo(QuestionKeys.HepatitisB, Concepts.Infection,
            T("Do you have an active hepatitis B infection (HBV), meaning a doctor told you the virus can be found in your blood now?",
                "您目前是否有活动性乙型肝炎（HBV）感染，即医生告诉您现在血液中能检测到乙肝病毒？"), null,
            T("do not have an active hepatitis B infection", "没有活动性乙型肝炎感染")));
        yield return Current(YesNo(QuestionKeys.HepatitisC, Concepts.Infection,
            T("Do you have an active hepatitis C infection (HCV), meaning a doctor told you the virus can be found in your blood now?",
                "您目前是否有活动性丙型肝炎（HCV）感染，即医生告诉您现在血液中能检测到丙肝病毒？"), null,
            T("do not have an active hepatitis C infection", "没有活动性丙型肝炎感染")));
        yield return YesNo(QuestionKeys.Syphilis, Concepts.Infection,
            T("Have you ever had a positive test for syphilis? Your answer stays private.",
                "您是否曾经检测出梅毒阳性？您的回答会被保密。"), null,
            T("do not have syphilis", "未感染梅毒"), sensitive: true);
        yield return Current(YesNo(QuestionKeys.Tuberculosis, Concepts.Infection,
            T("Do you have active tuberculosis (TB) now?", "您目前是否患有活动性结核病（TB）？"),
            T($"In {W}, have you had active tuberculosis (TB)?", $"{W}内，您是否患过活动性结核病（TB）？"),
            T("do not have active tuberculosis", "没有活动性结核病")) with { ExcludedWithinPhrase = T("have not had active tuberculosis in {window}", "{window}内未患过活动性结核病") });
        yield return Current(YesNo(QuestionKeys.ActiveInfection, Concepts.Infection,
            T("Do you have an infection right now that needs treatment with medicine by mouth or through a drip (active infection)?",
                "您目前是否有需要口服或输液药物治疗的感染（活动性感染）？"),
            T($"In {W}, have you had an infection that needed treatment with medicine by mouth or through a drip (active infection)?",
                $"{W}内，您是否有过需要口服或输液药物治疗的感染（活动性感染）？"),
            T("do not have an active infection", "没有活动性感染")) with { ExcludedWithinPhrase = T("have not had an active infection in {window}", "{window}内没有过活动性感染") });
        yield return YesNo(QuestionKeys.Immunodeficiency, Concepts.Infection,
            T("Has a doctor told you that your immune system is weak from birth or because of an illness (immunodeficiency)?",
                "医生是否告诉过您，您的免疫系统因先天或疾病原因而虚弱（免疫缺陷）？"), null,
            T("do not have an immunodeficiency", "没有免疫缺陷"));
        yield return YesNo(QuestionKeys.PriorCarT, Concepts.PriorTherapy,
            T("Have you ever had CAR-T cell therapy (a treatment with immune cells changed in a lab)?",
                "您以前是否接受过CAR-T细胞治疗（使用在实验室改造过的免疫细胞的治疗）？"), null,
            T("have not had CAR-T cell therapy before", "此前未接受过CAR-T细胞治疗"));
        yield return YesNo(QuestionKeys.PriorGeneTherapy, Concepts.PriorTherapy,
            T("Have you ever had any gene therapy, including gene-modified cell therapy (gene therapy)?",
                "您以前是否接受过任何基因治疗，包括基因修饰的细胞治疗？"), null,
            T("have not had gene therapy before", "此前未接受过基因治疗"));
        yield return YesNo(QuestionKeys.PriorCd19Antibody, Concepts.PriorTherapy,
            T("Have you ever been treated with a medicine that targets CD19 (a CD19 antibody, for example inebilizumab)?",
                "您以前是否使用过靶向CD19的药物（CD19抗体，例如伊奈利珠单抗）？"), null,
            T("have not had a CD19-targeted medicine before", "此前未使用过靶向CD19的药物"));
        yield return YesNo(QuestionKeys.BCellDrug, Concepts.Medication,
            T("Have you ever been treated with a medicine that targets B cells (for example rituximab)?",
                "您是否使用过靶向B细胞的药物（例如利妥昔单抗）？"),
            T($"In {W}, have you been treated with a medicine that targets B cells (for example rituximab)?",
                $"{W}内，您是否使用过靶向B细胞的药物（例如利妥昔单抗）？"),
            T($"have not had a B-cell-targeting medicine such as rituximab in {W}", $"{W}内未使用过利妥昔单抗等靶向B细胞的药物"));
        yield return (YesNo(QuestionKeys.Transplant, Concepts.Transplant,
            T("Have you ever had an organ transplant (such as kidney, liver, heart or lung) or a stem cell or bone marrow transplant?",
                "您是否做过器官移植（如肾、肝、心、肺）或造血干细胞/骨髓移植？"),
            T($"In {W}, have you had an organ transplant or a stem cell or bone marrow transplant?",
                $"{W}内，您是否做过器官移植或造血干细胞/骨髓移植？"),
            T("have not had an organ or stem cell transplant", "未做过器官移植或造血干细胞移植")) with { ExcludedWithinPhrase = T("have not had an organ or stem cell transplant in {window}", "{window}内未做过器官移植或造血干细胞移植") });
        yield return (YesNo(QuestionKeys.Malignancy, Concepts.Malignancy,
            T("Have you ever had cancer (a malignant tumour)?", "您是否患过癌症（恶性肿瘤）？"),
            T($"In {W}, have you had cancer (a malignant tumour)?", $"{W}内，您是否患过癌症（恶性肿瘤）？"),
            T("have not had cancer", "未患过癌症")) with { ExcludedWithinPhrase = T("have not had cancer in {window}", "{window}内未患过癌症") });
        yield return YesNo(QuestionKeys.LiveVaccine, Concepts.Vaccine,
            T("Have you had a live vaccine recently (for example measles-mumps-rubella, chickenpox, yellow fever or nasal flu vaccine)?",
                "您最近是否接种过减毒活疫苗（例如麻腮风、水痘、黄热病或鼻喷流感疫苗）？"),
            T($"In {W}, have you had a live vaccine (for example measles-mumps-rubella, chickenpox, yellow fever or nasal flu vaccine)?",
                $"{W}内，您是否接种过减毒活疫苗（例如麻腮风、水痘、黄热病或鼻喷流感疫苗）？"),
            T($"have not had a live vaccine in {W}", $"{W}内未接种过减毒活疫苗"));
        yield return YesNo(QuestionKeys.Vaccine, Concepts.Vaccine,
            T("Have you had any vaccine recently (for example a flu, COVID-19 or shingles vaccine)?",
                "您最近是否接种过任何疫苗（例如流感、新冠或带状疱疹疫苗）？"),
            T($"In {W}, have you had any vaccine (for example a flu, COVID-19 or shingles vaccine)?",
                $"{W}内，您是否接种过任何疫苗（例如流感、新冠或带状疱疹疫苗）？"),
            T($"have not had any vaccine in {W}", $"{W}内未接种过任何疫苗"));
        yield return Current(YesNo(QuestionKeys.OtherTrial, Concepts.OtherTrial,
            T("Are you taking part in another clinical study (trial) of a medicine or treatment?",
                "您目前是否正在参加其他药物或治疗的临床研究（临床试验）？"),
            T($"In {W}, have you taken part in another clinical study (trial) of a medicine or treatment?",
                $"{W}内，您是否参加过其他药物或治疗的临床研究（临床试验）？"),
            T($"have not taken part in another clinical study in {W}", $"{W}内未参加过其他临床研究")));
        yield return (YesNo(QuestionKeys.CnsDisease, Concepts.Cns,
            T("Have you ever had a disease of the brain or nerves, such as epilepsy (seizures), a stroke, a serious head injury or dementia (central nervous system disease)?",
                "您是否患过脑部或神经系统疾病，例如癫痫（抽搐）、中风、严重脑外伤或痴呆（中枢神经系统疾病）？"), null,
            T("have not had a disease of the brain or nerves", "未患过脑部或神经系统疾病")) with { Broad = true });
        yield return (YesNo(QuestionKeys.CnsLupus, Concepts.Cns,
            T("Has lupus ever affected your brain or nerves, for example with seizures, confusion or memory problems (neuropsychiatric lupus)?",
                "狼疮是否曾影响您的大脑或神经，例如引起抽搐、意识混乱或记忆问题（神经精神狼疮）？"),
            T($"In {W}, has lupus affected your brain or nerves in a way that needed treatment (neuropsychiatric lupus)?",
                $"{W}内，狼疮是否影响过您的大脑或神经并需要治疗（神经精神狼疮）？"),
            T("have not had lupus affecting the brain or nerves", "没有狼疮累及大脑或神经")) with { ExcludedWithinPhrase = T("have not had lupus affecting the brain or nerves in {window}", "{window}内没有狼疮累及大脑或神经") });
        yield return (YesNo(QuestionKeys.HeartDisease, Concepts.Cardiac,
            T("Have you ever had a serious heart problem, such as heart failure, a heart attack (myocardial infarction), a serious irregular heartbeat (arrhythmia) or a heart condition from birth (congenital heart disease)?",
                "您是否患过严重的心脏疾病，例如心力衰竭、心肌梗死（心脏病发作）、严重心律失常或先天性心脏病？"),
            T($"In {W}, have you had a serious heart problem, such as heart failure, a heart attack (myocardial infarction), chest pain from the heart (angina) or a serious irregular heartbeat (arrhythmia)?",
                $"{W}内，您是否有过严重的心脏问题，例如心力衰竭、心肌梗死、心绞痛或严重心律失常？"),
            T("do not have a serious heart problem", "没有严重的心脏疾病")) with { ExcludedWithinPhrase = T("have not had a serious heart problem in {window}", "{window}内没有过严重的心脏问题"), Broad = true });
        yield return Current(YesNo(QuestionKeys.Dialysis, Concepts.OrganFunction,
            T("Are you on dialysis (a machine cleans your blood because your kidneys cannot)?",
                "您目前是否在做透析（因肾脏功能不足而用机器净化血液）？"),
            T($"In {W}, have you had dialysis (a machine cleans your blood because your kidneys cannot)?",
                $"{W}内，您是否做过透析（因肾脏功能不足而用机器净化血液）？"),
            T("are not on dialysis", "未在透析")) with { ExcludedWithinPhrase = T("have not had dialysis in {window}", "{window}内未做过透析") });
        yield return YesNo(QuestionKeys.PlasmaExchange, Concepts.PriorTherapy,
            T("Have you had plasma exchange (plasmapheresis, a treatment that filters your blood plasma)?",
                "您是否做过血浆置换（一种过滤血浆的治疗）？"),
            T($"In {W}, have you had plasma exchange (plasmapheresis, a treatment that filters your blood plasma)?",
                $"{W}内，您是否做过血浆置换（一种过滤血浆的治疗）？"),
            T($"have not had plasma exchange in {W}", $"{W}内未做过血浆置换"));
        yield return YesNo(QuestionKeys.LupusCrisis, Concepts.DiseaseActivity,
            T("Have you had a lupus crisis (a sudden, life-threatening lupus flare)?", "您是否发生过狼疮危象（突然的、危及生命的狼疮发作）？"),
            T($"In {W}, have you had a lupus crisis (a sudden, life-threatening lupus flare)?", $"{W}内，您是否发生过狼疮危象（突然的、危及生命的狼疮发作）？"),
            T($"have not had a lupus crisis in {W}", $"{W}内未发生过狼疮危象"));
        yield return YesNo(QuestionKeys.Bleeding, Concepts.Other,
            T("Have you had serious bleeding that needed medical care?", "您是否有过需要就医的严重出血？"),
            T($"In {W}, have you had bleeding that needed medical care?", $"{W}内，您是否有过需要就医的出血？"),
            T($"have not had serious bleeding in {W}", $"{W}内没有严重出血"));
        yield return Current(YesNo(QuestionKeys.Anticoagulant, Concepts.Medication,
            T("Do you need to take blood thinners long term (anticoagulants, for example warfarin or rivaroxaban)?",
                "您是否需要长期服用抗凝药（例如华法林或利伐沙班）？"), null,
            T("do not need long-term blood thinners", "不需要长期抗凝治疗")));
        yield return YesNo(QuestionKeys.SevereAllergy, Concepts.Allergy,
            T("Have you ever had a severe allergic reaction (anaphylaxis or anaphylactic shock)?",
                "您是否有过严重过敏反应（严重过敏或过敏性休克）？"), null,
            T("have not had a severe allergic reaction", "没有过严重过敏反应"));
        yield return YesNo(QuestionKeys.MajorSurgery, Concepts.Surgery,
            T("Have you had major surgery (an operation in hospital, usually under general anaesthesia) recently?",
                "您最近是否做过大手术（通常需全身麻醉的住院手术）？"),
            T($"In {W}, have you had major surgery (an operation in hospital, usually under general anaesthesia)?",
                $"{W}内，您是否做过大手术（通常需全身麻醉的住院手术）？"),
            T($"have not had major surgery in {W}", $"{W}内未做过大手术"));
        yield return (YesNo(QuestionKeys.SuicidalThoughts, Concepts.MentalHealth,
            T("Have you had thoughts of ending your life (suicidal thoughts)? It is okay to tell us; help is available.",
                "您是否有过结束自己生命的想法（自杀念头）？告诉我们没有关系，我们可以为您提供帮助。"),
            T($"In {W}, have you had thoughts of ending your life (suicidal thoughts)? It is okay to tell us; help is available.",
                $"{W}内，您是否有过结束自己生命的想法（自杀念头）？告诉我们没有关系，我们可以为您提供帮助。"),
            T("have no recent suicidal thoughts", "近期没有自杀念头"), sensitive: true, selfHarm: true) with { ExcludedWithinPhrase = T("have not had suicidal thoughts in {window}", "{window}内没有过自杀念头") });
        yield return (YesNo(QuestionKeys.SuicidalBehavior, Concepts.MentalHealth,
            T("Have you ever tried to hurt yourself or end your life (suicidal behaviour)? It is okay to tell us; help is available.",
                "您是否曾试图伤害自己或结束自己的生命（自杀行为）？告诉我们没有关系，我们可以为您提供帮助。"),
            T($"In {W}, have you tried to hurt yourself or end your life (suicidal behaviour)? It is okay to tell us; help is available.",
                $"{W}内，您是否曾试图伤害自己或结束自己的生命（自杀行为）？告诉我们没有关系，我们可以为您提供帮助。"),
            T("have no recent suicidal behaviour", "近期没有自杀行为"), sensitive: true, selfHarm: true) with { ExcludedWithinPhrase = T("have not tried to harm themselves in {window}", "{window}内没有过自伤或自杀行为") });
        yield return Current(YesNo(QuestionKeys.LongTermSteroids, Concepts.Medication,
            T("Do you have another illness (besides this one) that needs long-term steroid medicines (glucocorticoids) or high doses of immune-suppressing medicines?",
                "除本病外，您是否患有其他需要长期使用激素（糖皮质激素）或大剂量免疫抑制剂的疾病？"), null,
            T("do not have another illness that needs long-term steroids", "没有其他需要长期使用激素的疾病")));
    }
}
