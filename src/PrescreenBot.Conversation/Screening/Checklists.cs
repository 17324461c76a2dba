using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Conversation.Screening;

/// <summary>
/// Exclusion questions that most people answer "no" to, gathered into short checklists ("Does any of these apply to you?").
/// One "no" settles the whole list; "yes" or "not sure" opens it up and each item is then asked on its own. This is what keeps a
/// screen across five trials near 15 questions. Self-harm, age, sex, condition and number questions are never grouped.
/// </summary>
public static class Checklists
{
    /// <summary>More than this many items makes a checklist hard to read on a phone.</summary>
    public const int MaxItemsPerGroup = 5;

    private static readonly Dictionary<string, string[]> Members = new(StringComparer.Ordinal)
    {
        ["infections"] = [QuestionKeys.Hiv, QuestionKeys.HepatitisB, QuestionKeys.HepatitisC, QuestionKeys.Syphilis],
        ["current-infections"] = [QuestionKeys.Tuberculosis, QuestionKeys.ActiveInfection, QuestionKeys.Immunodeficiency],
        ["treatments"] = [QuestionKeys.PriorCarT, QuestionKeys.PriorGeneTherapy, QuestionKeys.PriorCd19Antibody, QuestionKeys.BCellDrug, QuestionKeys.Transplant],
        ["brain-heart"] = [QuestionKeys.CnsDisease, QuestionKeys.CnsLupus, QuestionKeys.HeartDisease],
        ["recent-care"] = [QuestionKeys.LiveVaccine, QuestionKeys.Vaccine, QuestionKeys.OtherTrial, QuestionKeys.MajorSurgery, QuestionKeys.PlasmaExchange],
        ["kidney-blood"] = [QuestionKeys.Dialysis, QuestionKeys.LupusCrisis, QuestionKeys.Bleeding, QuestionKeys.Anticoagulant],
        ["other-history"] = [QuestionKeys.Malignancy, QuestionKeys.SevereAllergy, QuestionKeys.LongTermSteroids],
        ["pregnancy"] = [QuestionKeys.Pregnant, QuestionKeys.Breastfeeding],
    };

    private static readonly Dictionary<string, string> GroupOfKey =
        Members.SelectMany(g => g.Value.Select(k => (Key: k, Group: g.Key))).ToDictionary(p => p.Key, p => p.Group, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<string> Names => Members.Keys;

    public static IReadOnlyCollection<string> GroupedKeys => GroupOfKey.Keys;

    /// <summary>The checklist a key belongs to, or null when it is always asked on its own.</summary>
    public static string? GroupOf(string key) => GroupOfKey.GetValueOrDefault(key);
}
