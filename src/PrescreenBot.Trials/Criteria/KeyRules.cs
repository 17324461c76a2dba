using System.Text.RegularExpressions;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Trials.Criteria;

/// <summary>
/// Patterns that tie exclusion wording to canonical question keys ("HIV" → <c>hiv</c>, "live vaccine" →
/// <c>live-vaccine</c>). A "yes" to each key's question counts against the criterion.
/// </summary>
internal static partial class KeyRules
{
    public static IReadOnlyList<(string Key, Regex Pattern)> Exclusion { get; } =
    [
        (QuestionKeys.Hiv, Hiv()),
        (QuestionKeys.HepatitisB, HepatitisB()),
        (QuestionKeys.HepatitisC, HepatitisC()),
        (QuestionKeys.Syphilis, Syphilis()),
        (QuestionKeys.Tuberculosis, Tuberculosis()),
        (QuestionKeys.ActiveInfection, ActiveInfection()),
        (QuestionKeys.Immunodeficiency, Immunodeficiency()),
        (QuestionKeys.PriorCarT, PriorCarT()),
        (QuestionKeys.PriorGeneTherapy, GeneTherapy()),
        (QuestionKeys.PriorCd19Antibody, Cd19Antibody()),
        (QuestionKeys.BCellDrug, BCellDrug()),
        (QuestionKeys.Transplant, Transplant()),
        (QuestionKeys.Malignancy, Malignancy()),
        (QuestionKeys.LiveVaccine, LiveVaccine()),
        (QuestionKeys.Vaccine, AnyVaccine()),
        (QuestionKeys.OtherTrial, OtherTrial()),
        (QuestionKeys.CnsLupus, CnsLupus()),
        (QuestionKeys.CnsDisease, CnsDisease()),
        (QuestionKeys.HeartDisease, HeartDisease()),
        (QuestionKeys.Dialysis, Dialysis()),
        (QuestionKeys.PlasmaExchange, PlasmaExchange()),
        (QuestionKeys.LupusCrisis, LupusCrisis()),
        (QuestionKeys.Bleeding, Bleeding()),
        (QuestionKeys.Anticoagulant, Anticoagulant()),
        (QuestionKeys.SevereAllergy, SevereAllergy()),
        (QuestionKeys.MajorSurgery, MajorSurgery()),
        (QuestionKeys.SuicidalThoughts, SuicidalThoughts()),
        (QuestionKeys.SuicidalBehavior, SuicidalBehavior()),
        (QuestionKeys.LongTermSteroids, LongTermSteroids()),
        (QuestionKeys.Pregnant, Pregnant()),
        (QuestionKeys.Breastfeeding, Breastfeeding()),
    ];

    /// <summary>Keys that say nothing more when a more specific key in the same criterion already matched.</summary>
    public static IReadOnlyDictionary<string, string[]> SupersededBy { get; } = new Dictionary<string, string[]>
    {
        // "CNS disease: CNS neurolupus requires intervention" is about lupus in the brain, not any brain disease.
        [QuestionKeys.CnsDisease] = [QuestionKeys.CnsLupus],
    };

    [GeneratedRegex(@"\bHIV\b|human\s+immunodeficiency\s+virus", RegexOptions.IgnoreCase)]
    private static partial Regex Hiv();

    [GeneratedRegex(@"hepatitis\s+B|\bHBV\b|HBsAg", RegexOptions.IgnoreCase)]
    private static partial Regex HepatitisB();

    [GeneratedRegex(@"hepatitis\s+C|\bHCV\b", RegexOptions.IgnoreCase)]
    private static partial Regex HepatitisC();

    [GeneratedRegex(@"syphilis|treponema", RegexOptions.IgnoreCase)]
    private static partial Regex Syphilis();

    [GeneratedRegex(@"tuberculosis|\bTB\b", RegexOptions.IgnoreCase)]
    private static partial Regex Tuberculosis();

    [GeneratedRegex(@"(?:active|uncontroll(?:ed|able)|concomitant\s+uncontrollable|systemic\s+active)\s+(?:\w+\s+)?infections?|infection\s+that\s+requires\s+systemic|sepsis|bacteremia", RegexOptions.IgnoreCase)]
    private static partial Regex ActiveInfection();

    [GeneratedRegex(@"immunodeficiency(?!\s+virus)", RegexOptions.IgnoreCase)]
    private static partial Regex Immunodeficiency();

    [GeneratedRegex(@"(?:prior|previous(?:ly)?|received|exposure\s+to|history\s+of|treatment\s+with)[^.;]{0,40}CAR[\s-]?T|CAR[\s-]?T\s+cell\s+therapy\s+previously", RegexOptions.IgnoreCase)]
    private static partial Regex PriorCarT();

    [GeneratedRegex(@"gene\s+therapy|gene-modified|genetically\s+modified", RegexOptions.IgnoreCase)]
    private static partial Regex GeneTherapy();

    [GeneratedRegex(@"CD19[\s-]targeted\s+antibod|anti-CD19\s+antibod|CD19\s+antibod", RegexOptions.IgnoreCase)]
    private static partial Regex Cd19Antibody();

    [GeneratedRegex(@"rituximab|B-cell\s+(?:depleting|targeted)|targeted\s+B-cell", RegexOptions.IgnoreCase)]
    private static partial Regex BCellDrug();

    [GeneratedRegex(@"transplant", RegexOptions.IgnoreCase)]
    private static partial Regex Transplant();

    [GeneratedRegex(@"malignan|cancer|tumou?rs?\b|carcinoma", RegexOptions.IgnoreCase)]
    private static partial Regex Malignancy();

    [GeneratedRegex(@"live\s+(?:attenuated\s+)?vaccin|attenuated\s+(?:live\s+)?vaccin", RegexOptions.IgnoreCase)]
    private static partial Regex LiveVaccine();

    [GeneratedRegex(@"inactivated\s+vaccin|RNA\s+vaccin|any\s+vaccin", RegexOptions.IgnoreCase)]
    private static partial Regex AnyVaccine();

    [GeneratedRegex(@"(?:other|another)\s+(?:interventional\s+)?clinical\s+(?:study|studies|trials?|research)|participat\w*\s+in\s+(?:any\s+)?(?:other\s+)?(?:interventional\s+)?clinical", RegexOptions.IgnoreCase)]
    private static partial Regex OtherTrial();

    [GeneratedRegex(@"neuro\s?lupus|neuropsychiatric\s+lupus|(?:nervous\s+system|CNS)[^.;]{0,40}caused\s+by\s+lupus|lupus\s+(?:headache|encephalopathy)", RegexOptions.IgnoreCase)]
    private static partial Regex CnsLupus();

    [GeneratedRegex(@"central\s+nervous\s+system\s+diseases?|\bCNS\b\)?\s+diseases?|epilep|seizure|stroke|cerebrovascular|brain\s+injury|dementia|parkinson|encephalitis|cerebral", RegexOptions.IgnoreCase)]
    private static partial Regex CnsDisease();

    [GeneratedRegex(@"heart\s+failure|myocardial\s+infarction|arrhythmi|angina|cardiac\s+(?:disorders?|diseases?)|heart\s+diseases?|cardiovascular\s+diseases?|myocarditis|pericardial\s+effusion|bypass|stent", RegexOptions.IgnoreCase)]
    private static partial Regex HeartDisease();

    [GeneratedRegex(@"dialysis|renal\s+replacement\s+therapy", RegexOptions.IgnoreCase)]
    private static partial Regex Dialysis();

    [GeneratedRegex(@"plasma\s+exchange|plasmapheresis|plasma\s+separation", RegexOptions.IgnoreCase)]
    private static partial Regex PlasmaExchange();

    [GeneratedRegex(@"lupus\s+crisis", RegexOptions.IgnoreCase)]
    private static partial Regex LupusCrisis();

    [GeneratedRegex(@"\bbleeding\b", RegexOptions.IgnoreCase)]
    private static partial Regex Bleeding();

    [GeneratedRegex(@"anticoagula", RegexOptions.IgnoreCase)]
    private static partial Regex Anticoagulant();

    [GeneratedRegex(@"anaphyla|severe\s+allerg|life-threatening\s+allergic", RegexOptions.IgnoreCase)]
    private static partial Regex SevereAllergy();

    [GeneratedRegex(@"major\s+surgery", RegexOptions.IgnoreCase)]
    private static partial Regex MajorSurgery();

    [GeneratedRegex(@"suicidal\s+(?:thoughts|ideation)|thoughts\s+of\s+suicide", RegexOptions.IgnoreCase)]
    private static partial Regex SuicidalThoughts();

    [GeneratedRegex(@"suicidal\s+behaviou?r|suicide\s+attempt|attempted\s+suicide", RegexOptions.IgnoreCase)]
    private static partial Regex SuicidalBehavior();

    [GeneratedRegex(@"require\w*\s+long-term\s+(?:use\s+of\s+)?(?:glucocorticoid|steroid|corticosteroid)", RegexOptions.IgnoreCase)]
    private static partial Regex LongTermSteroids();

    [GeneratedRegex(@"pregnan(?:t|cy)(?!\s+test)|positive\s+(?:in\s+)?(?:blood\s+|serum\s+|urine\s+)?pregnancy\s+test|pregnancy\s+test\s+positive|tested\s+positive\s+in\s+blood\s+pregnancy", RegexOptions.IgnoreCase)]
    private static partial Regex Pregnant();

    [GeneratedRegex(@"lactat|breast-?\s?feed|nursing\s+(?:women|mothers)", RegexOptions.IgnoreCase)]
    private static partial Regex Breastfeeding();
}
