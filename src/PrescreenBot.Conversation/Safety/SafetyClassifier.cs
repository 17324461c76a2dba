using System.Globalization;

namespace PrescreenBot.Conversation.Safety;

/// <summary>
/// Recognizes self-harm risk, emergencies and requests for treatment advice in what a patient types, in English and Chinese
/// whatever the conversation's locale (people switch languages). Deliberately errs towards showing help: a false alarm costs
/// one kind message, a miss can cost a life.
/// </summary>
public static class SafetyClassifier
{
    // Checked first so that "I have no suicidal thoughts" answering a question is not an alarm.
    private static readonly string[] NegatedSelfHarm =
    [
        "no suicidal", "not suicidal", "never suicidal", "no thoughts of suicide", "no thoughts of self-harm",
        "never had suicidal", "no self-harm", "没有自杀", "无自杀", "没有想过自杀", "从未想过自杀", "没有自残",
    ];

    private static readonly string[] SelfHarm =
    [
        "suicid", "kill myself", "killing myself", "end my life", "ending my life", "take my own life", "want to die",
        "wanna die", "better off dead", "no reason to live", "don't want to live", "dont want to live", "do not want to live",
        "hurt myself", "hurting myself", "harm myself", "self-harm", "self harm", "cut myself", "cutting myself",
        "自杀", "想死", "不想活", "活不下去", "结束生命", "轻生", "自残", "自伤", "伤害自己", "割腕",
    ];

    private static readonly string[] Emergency =
    [
        "chest pain", "chest hurts", "pain in my chest", "can't breathe", "cant breathe", "cannot breathe", "can not breathe",
        "trouble breathing", "struggling to breathe", "difficulty breathing", "heart attack", "having a stroke", "overdose",
        "overdosed", "bleeding heavily", "won't stop bleeding", "passing out", "unconscious", "having a seizure",
        "胸痛", "胸口痛", "胸口疼", "胸疼", "喘不过气", "呼吸困难", "不能呼吸", "心脏病发作", "中风了", "大出血",
        "吃药过量", "服药过量",
    ];

    private static readonly string[] TreatmentAdvice =
    [
        "should i take", "should i stop", "should i start", "can i stop taking", "what dose", "which dose", "how much should i take",
        "what treatment should", "which treatment should", "what medicine should", "which medicine should", "is it safe to take",
        "我应该吃", "我该吃", "要不要停药", "可以停药吗", "该不该停", "吃多少", "剂量多少", "用什么药", "吃什么药",
    ];

    public static SafetyConcern Classify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SafetyConcern.None;
        }

        var normalized = text.ToLower(CultureInfo.InvariantCulture).Replace('’', '\'');
        if (ContainsAny(normalized, SelfHarm) && !ContainsAny(normalized, NegatedSelfHarm))
        {
            return SafetyConcern.SelfHarm;
        }

        if (ContainsAny(normalized, Emergency))
        {
            return SafetyConcern.Emergency;
        }

        return ContainsAny(normalized, TreatmentAdvice) ? SafetyConcern.TreatmentAdvice : SafetyConcern.None;
    }

    private static bool ContainsAny(string text, string[] phrases) =>
        phrases.Any(phrase => text.Contains(phrase, StringComparison.Ordinal));
}
