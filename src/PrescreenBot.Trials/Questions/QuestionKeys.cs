namespace PrescreenBot.Trials.Questions;

/// <summary>
/// Canonical question keys, one per concept, shared across trials: a conversation asks each key once for all
/// candidate trials. <see cref="QuestionCatalog"/> holds each key's answer type and default wording.
/// </summary>
public static class QuestionKeys
{
    public const string Age = "age";
    public const string Sex = "sex";

    /// <summary>Choice among <see cref="ConditionKeys"/>; decides which cohort of a multi-disease trial applies.</summary>
    public const string Condition = "condition";

    /// <summary>How long since diagnosis, a number in months.</summary>
    public const string DiagnosisDuration = "diagnosis-duration";

    /// <summary>Still active despite standard treatment (or intolerant of it).</summary>
    public const string Refractory = "refractory";

    public const string Pregnant = "pregnant";
    public const string Breastfeeding = "breastfeeding";
    public const string Hiv = "hiv";
    public const string HepatitisB = "hepatitis-b";
    public const string HepatitisC = "hepatitis-c";
    public const string Syphilis = "syphilis";
    public const string Tuberculosis = "tuberculosis";
    public const string ActiveInfection = "active-infection";
    public const string Immunodeficiency = "immunodeficiency";
    public const string PriorCarT = "prior-car-t";
    public const string PriorGeneTherapy = "prior-gene-therapy";
    public const string PriorCd19Antibody = "prior-cd19-antibody";
    public const string BCellDrug = "b-cell-drug";
    public const string Transplant = "transplant";
    public const string Malignancy = "malignancy";
    public const string LiveVaccine = "live-vaccine";

    /// <summary>Any vaccine (live, inactivated or RNA).</summary>
    public const string Vaccine = "vaccine";

    public const string OtherTrial = "other-trial";
    public const string CnsDisease = "cns-disease";
    public const string CnsLupus = "cns-lupus";
    public const string HeartDisease = "heart-disease";
    public const string Dialysis = "dialysis";
    public const string PlasmaExchange = "plasma-exchange";
    public const string LupusCrisis = "lupus-crisis";
    public const string Bleeding = "bleeding";
    public const string Anticoagulant = "anticoagulant";
    public const string SevereAllergy = "severe-allergy";
    public const string MajorSurgery = "major-surgery";

    /// <summary>Self-harm risk: a "yes" makes the conversation show crisis resources.</summary>
    public const string SuicidalThoughts = "suicidal-thoughts";

    /// <summary>Self-harm risk: a "yes" makes the conversation show crisis resources.</summary>
    public const string SuicidalBehavior = "suicidal-behavior";

    /// <summary>Another illness needing long-term steroids or high-dose immunosuppressants.</summary>
    public const string LongTermSteroids = "long-term-steroids";
}
