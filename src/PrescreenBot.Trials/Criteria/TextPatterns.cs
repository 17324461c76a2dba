using System.Text.RegularExpressions;

namespace PrescreenBot.Trials.Criteria;

/// <summary>Wording that decides who can check a criterion and whether an answer can be decisive.</summary>
internal static partial class TextPatterns
{
    /// <summary>Labs, scores, imaging, biopsy classes, tests done at screening: only the site can check these.</summary>
    [GeneratedRegex(@"SLEDAI|SELENA|BILAG|\bPGA\b|PDAI|PASI|\bBSA\b|sPGA|LVEF|ejection\s+fraction|eGFR|creatinine|clearance|\bULN\b|\bINR\b|APTT|SpO2|oxygen\s+saturation|platelet|bilirubin|\bAST\b|\bALT\b|aminotransferase|transase|lymphocyte|\bQTc?\b|\bECG\b|electrocardiogra|echocardiogra|biopsy|ISN/RPS|class(?:es)?\s+(?:III|IV|V)\b|type\s+(?:III|IV|V)\b|grade\s+(?:III|IV|V)\b|proteinuria|urine\s+protein|laborator|test\s+result|ANA\b|anti-?ds-?DNA|anti-Smith|antinuclear|complement|β-hCG|\bhCG\b|pregnancy\s+test|classification\s+criteria|diagnostic\s+criteria|ACR|EULAR|life\s+expectancy|leukapheresis|blood\s+collection|cell\s+collection|\bNYHA\b|Nikolsky|histopatholog|histolog|immunofluorescence|ELISA|\bCMV\b|cytomegalovirus|GVHD|DNA\s+titer|HBV-DNA|HCV-RNA|RNA\s+titer|HBcAb|radiograph|imaging|anti-?PR3|anti-?MPO|myeloperoxidase|proteinase|\bMDA5\b|DMSO|excipient|ingredients\s+of|formulation|hypersensitivity|organ\s+function|functions\s+of\s+important\s+organs|lung\s+lesions|vital\s+signs|\d+\s*mg|dosage|≥\s*Grade|Grade\s*[≥2-4]", RegexOptions.IgnoreCase)]
    public static partial Regex SiteOnly();

    /// <summary>Judgment by the investigator: an answer alone can never settle these.</summary>
    [GeneratedRegex(@"investigator|researcher|in\s+the\s+opinion|judg(?:e|ed|ment|ement)|deem|considered\s+by|clinically\s+significant|unsuitable|not\s+suitable|inappropriate", RegexOptions.IgnoreCase)]
    public static partial Regex Judgment();

    /// <summary>Exceptions inside a criterion: a "yes" may fall under them, so it is not decisive.</summary>
    [GeneratedRegex(@"\bexcept\b|\bexcluding\b|\bexcluded\b|\bunless\b|other\s+than|not\s+included|may\s+be\s+included|\(ie,", RegexOptions.IgnoreCase)]
    public static partial Regex Exceptions();

    /// <summary>Consent, compliance, contraception agreements, paperwork: not health questions.</summary>
    [GeneratedRegex(@"informed\s+consent|\bICF\b|consent\s+form|willing(?:ness)?\s+to|agree(?:s|ment)?\s+to|\bcomply|complian|follow-up|contracepti|copy\s+of|medical\s+records|inpatient\s+records|diagnostic\s+certificates|egg\s+donation|donate\s+(?:semen|sperm)", RegexOptions.IgnoreCase)]
    public static partial Regex Administrative();

    /// <summary>A permission ("… is allowed") rather than a criterion.</summary>
    [GeneratedRegex(@"\b(?:is|are)\s+(?:also\s+)?(?:allowed|permitted)\b|\bmay\s+be\s+(?:used|continued)\b|\bis\s+acceptable\b", RegexOptions.IgnoreCase)]
    public static partial Regex Permission();

    /// <summary>"Screen for the absence of …" under the exclusion heading: excluding the absence of a problem.</summary>
    [GeneratedRegex(@"\babsence\s+of\b|\bfree\s+of\b|\bwithout\s+(?:any\s+)?(?:evidence\s+of\s+)?(?:active\s+)?\w+", RegexOptions.IgnoreCase)]
    public static partial Regex NegatedPresence();

    /// <summary>An inclusion item worded as something the patient must not have ("No systemic active infection …").</summary>
    [GeneratedRegex(@"^(?:no|without|absence\s+of|not|never|free\s+of)\b", RegexOptions.IgnoreCase)]
    public static partial Regex NegativeLead();

    /// <summary>A requirement worded as a threshold to reach ("Lung function: … ≥92%", "Adequate organ function").</summary>
    [GeneratedRegex(@"^(?:[\w-]+\s+){0,2}function\s*[:：].*(?:≥|≤|>=|<=|defined\s+as)|^(?:adequate|normal|sufficient)\b|\bmust\s+(?:have|be|meet)\b", RegexOptions.IgnoreCase)]
    public static partial Regex ThresholdRequirement();

    /// <summary>Drug washouts counted back from the study treatment (the site plans these).</summary>
    [GeneratedRegex(@"before\s+(?:the\s+)?infusion|prior\s+to\s+(?:the\s+)?(?:infusion|conditioning)|before\s+(?:the\s+)?(?:infusion|conditioning)", RegexOptions.IgnoreCase)]
    public static partial Regex BeforeTreatment();

    /// <summary>A CAR-T named by its target ("CD19 CAR-T", "BCMA CAR-T"): the exclusion covers only that target.</summary>
    [GeneratedRegex(@"\b(?:CD\d{1,3}|BCMA|GPRC5D)[\s/-]*(?:-?targeted\s+)?(?:CAR[\s-]?T|chimeric)", RegexOptions.IgnoreCase)]
    public static partial Regex TargetedCarT();

    [GeneratedRegex(@"child-?\s?bearing\s+(?:age|potential)", RegexOptions.IgnoreCase)]
    public static partial Regex ChildbearingAge();

    [GeneratedRegex(@"\bage[ds]?\b|years?\s+old|年龄", RegexOptions.IgnoreCase)]
    public static partial Regex AgeMention();

    [GeneratedRegex(@"(\d{1,3})\s*(?:-|–|~|to|and)\s*(\d{1,3})\s*(?:years|yrs|岁)", RegexOptions.IgnoreCase)]
    public static partial Regex AgeRange();

    [GeneratedRegex(@"(?:≥|>=|≧|at\s+least|aged\s+over|older\s+than)\s*(\d{1,3})|(\d{1,3})\s*(?:years?\s*(?:old\s*)?)?(?:and|or)\s*(?:older|above|over)", RegexOptions.IgnoreCase)]
    public static partial Regex AgeMin();

    [GeneratedRegex(@"(?:≤|<=|under|younger\s+than|up\s+to)\s*(\d{1,3})\s*years", RegexOptions.IgnoreCase)]
    public static partial Regex AgeMax();

    [GeneratedRegex(@"diagnos\w*|classification\s+criteria|criteria\s+for|\bmeets?\b|\bfulfil|subjects\s+with|patients\s+with", RegexOptions.IgnoreCase)]
    public static partial Regex Diagnosis();

    [GeneratedRegex(@"(?:disease\s+history|history\s+and\s+diagnosis|diagnos\w*)\D{0,30}?(?:≥|>=|at\s+least|for\s+(?:at\s+least\s+)?)\s*(\d{1,3})\s*(months?|years?)", RegexOptions.IgnoreCase)]
    public static partial Regex DiagnosisDuration();

    [GeneratedRegex(@"refractory|inadequate\s+response|\bdespite\b|still\s+(?:be\s+)?in\s+an?\s+active|intoleran", RegexOptions.IgnoreCase)]
    public static partial Regex Refractory();
}
