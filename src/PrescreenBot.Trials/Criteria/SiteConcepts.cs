using System.Text.RegularExpressions;

namespace PrescreenBot.Trials.Criteria;

/// <summary>Wording that tags a site-checked criterion with its concept (score, diagnosis, organ function, …).</summary>
internal static partial class SiteConcepts
{
    [GeneratedRegex(@"SLEDAI|SELENA|BILAG|\bPGA\b|PDAI|PASI|\bBSA\b|disease\s+activity|active\s+organs?|organ\s+involvement|involvement\s+of\s+active", RegexOptions.IgnoreCase)]
    public static partial Regex Score();

    [GeneratedRegex(@"classification\s+criteria|diagnostic\s+criteria|biopsy|histopatholog|immunofluorescence", RegexOptions.IgnoreCase)]
    public static partial Regex Diagnosis();

    [GeneratedRegex(@"pregnancy\s+test|β-hCG|contracep", RegexOptions.IgnoreCase)]
    public static partial Regex Contraception();

    [GeneratedRegex(@"functions?\s+of\s+(?:important\s+)?organs|organ\s+function", RegexOptions.IgnoreCase)]
    public static partial Regex Organs();

    [GeneratedRegex(@"LVEF|ejection|QTc?\b|ECG|electrocardio|NYHA|cardiac|heart", RegexOptions.IgnoreCase)]
    public static partial Regex Cardiac();

    [GeneratedRegex(@"function|eGFR|creatinine|ULN|INR|APTT|SpO2|oxygen|platelet|bilirubin|\bAST\b|\bALT\b|lymphocyte|organ", RegexOptions.IgnoreCase)]
    public static partial Regex OrganFunction();

    [GeneratedRegex(@"laborator|test|antibod|ANA\b|DNA|CMV", RegexOptions.IgnoreCase)]
    public static partial Regex Lab();

    [GeneratedRegex(@"allerg|hypersensitiv", RegexOptions.IgnoreCase)]
    public static partial Regex Allergy();

    [GeneratedRegex(@"prednisone|steroid|glucocorticoid|immunosuppress|inhibitor|JAK|\bmg\b|dos(?:e|age)", RegexOptions.IgnoreCase)]
    public static partial Regex Medication();
}
