using System.Globalization;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Trials.Criteria;

/// <summary>Writes the plain-language reason of a criterion ("This study is for people who …") in both languages.</summary>
internal static class ReasonWriter
{
    public static LocalizedText ForQuestions(bool exclusionLike, IReadOnlyList<Question> questions)
    {
        var en = new List<string>();
        var zh = new List<string>();
        foreach (var q in questions)
        {
            var (e, z) = Phrase(q, exclusionLike);
            if (!en.Contains(e))
            {
                en.Add(e);
                zh.Add(z);
            }
        }

        var enJoined = en.Count == 1 ? en[0] : string.Join(", ", en[..^1]) + " and " + en[^1];
        return new($"This study is for people who {enJoined}.", $"本研究面向{string.Join("、", zh)}的人。");
    }

    public static LocalizedText ForSite(string concept) => concept switch
    {
        Concepts.Score => new("The study team will assess how active your disease is (a doctor's score).", "研究团队会评估您的疾病活动程度（医生评分）。"),
        Concepts.Diagnosis => new("The study team will confirm your diagnosis from your medical records and tests.", "研究团队会根据您的病历和检查确认诊断。"),
        Concepts.Contraception => new("The study team will do a pregnancy test if needed and talk with you about contraception.", "如有需要，研究团队会进行妊娠检测，并与您讨论避孕措施。"),
        Concepts.Cardiac => new("The study team will check your heart tests (for example an ECG or heart ultrasound).", "研究团队会核对您的心脏检查（例如心电图或心脏超声）。"),
        Concepts.OrganFunction => new("The study team will check your blood and organ test results (kidney, liver, lung, blood counts).", "研究团队会核对您的血液和器官功能检查结果（肾、肝、肺、血常规）。"),
        Concepts.LabValue => new("The study team will check your laboratory test results.", "研究团队会核对您的化验结果。"),
        Concepts.Allergy => new("The study team will check for allergies to the study treatment.", "研究团队会核查您是否对研究治疗过敏。"),
        Concepts.Medication => new("The study team will check your medicines and doses.", "研究团队会核对您使用的药物和剂量。"),
        Concepts.InvestigatorJudgment => new("The study doctor will decide whether the study is safe and suitable for you.", "研究医生会判断本研究对您是否安全、合适。"),
        Concepts.Consent => new("You will be asked to agree to take part (informed consent) before anything is done.", "在开始任何操作前，会请您签署知情同意书。"),
        Concepts.Compliance => new("You will be asked to agree to the study visits and follow-up.", "会请您同意按研究要求随访。"),
        _ => new("The study team will check this with you.", "研究团队会与您核实这一项。"),
    };

    private static (string En, string Zh) Phrase(Question q, bool exclusionLike)
    {
        static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        switch (q.Key)
        {
            case QuestionKeys.Age:
                return (q.Disqualifying.Min, q.Disqualifying.Max) switch
                {
                    ({ } min, { } max) => ($"are aged {N(min)} to {N(max)}", $"{N(min)}至{N(max)}岁"),
                    ({ } min, null) => ($"are aged {N(min)} or older", $"{N(min)}岁及以上"),
                    (null, { } max) => ($"are aged {N(max)} or younger", $"{N(max)}岁及以下"),
                    _ => ("are of the right age", "年龄符合要求"),
                };
            case QuestionKeys.Condition:
                var labels = q.Disqualifying.AllowedChoices.Select(k => ConditionKeys.Labels.GetValueOrDefault(k)).OfType<LocalizedText>().ToList();
                return ("have " + string.Join(" or ", labels.Select(l => Lower(l.EnUs))), "患有" + string.Join("或", labels.Select(l => l.ZhCn)));
            case QuestionKeys.DiagnosisDuration:
                var months = q.Disqualifying.Min ?? 0;
                return ($"were diagnosed at least {N(months)} months ago", $"确诊至少{N(months)}个月");
            case QuestionKeys.Refractory:
                return ("still have active disease despite standard treatment, or cannot tolerate it", "经标准治疗后疾病仍活动或无法耐受标准治疗");
        }

        var template = QuestionCatalog.Find(q.Key);
        var chosen = q.WindowDays is > 0 && template?.ExcludedWithinPhrase is { } within ? within : template?.ExcludedPhrase;
        if (chosen is { } phrase && exclusionLike)
        {
            var filled = QuestionCatalog.Fill(phrase, q.WindowDays is > 0 ? q.WindowDays : null);
            var en = q.WindowDays is > 0 && !phrase.EnUs.Contains("{window}", StringComparison.Ordinal)
                ? filled.EnUs + " in " + QuestionCatalog.WindowWords(q.WindowDays.Value).En
                : filled.EnUs;
            var zh = q.WindowDays is > 0 && !phrase.ZhCn.Contains("{window}", StringComparison.Ordinal)
                ? QuestionCatalog.WindowWords(q.WindowDays.Value).Zh + "内" + filled.ZhCn
                : filled.ZhCn;
            return (en, zh);
        }

        return ($"meet the study's requirement on {q.Key}", $"符合本研究关于{q.Key}的要求");
    }

    private static string Lower(string label) => label.Length > 1 && char.IsUpper(label[0]) && char.IsLower(label[1])
        ? char.ToLowerInvariant(label[0]) + label[1..]
        : label;
}
