using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Trials;

/// <summary>One eligibility criterion as written, with how it is checked and the questions that check it.</summary>
public sealed record Criterion
{
    /// <summary>Stable id within the trial: "in-3", "ex-12", nested "in-3.1", cohort items "in-2.4", structured "age".</summary>
    public required string Id { get; init; }

    public CriterionKind Kind { get; init; }

    /// <summary>The <see cref="Trials.Cohort.Key"/> this criterion belongs to; null when it applies to every cohort.</summary>
    public string? Cohort { get; init; }

    /// <summary>The number or bullet as written ("1.5.", "(2)", "*"); null for structured criteria.</summary>
    public string? Number { get; init; }

    /// <summary>The criterion text with escape characters removed.</summary>
    public required string Text { get; init; }

    /// <summary>Where the text sits in the source; null for criteria derived from structured fields.</summary>
    public SourceSpan? Source { get; init; }

    /// <summary>The id of the criterion this one is nested under.</summary>
    public string? ParentId { get; init; }

    public AnswerableBy AnswerableBy { get; init; }

    /// <summary>The concept tag (<see cref="Concepts"/>): age, sex, diagnosis, prior-therapy, pregnancy, infection, …</summary>
    public string Concept { get; init; } = Concepts.Other;

    /// <summary>
    /// Questions that check the criterion, one fact each. Empty when only the site can check it.
    /// Each question's <see cref="Question.Key"/> is the canonical cross-trial key.
    /// </summary>
    public IReadOnlyList<Question> Questions { get; init; } = [];

    /// <summary>True when, besides the patient's answers, the site must still verify part of it (a lab value, a classification).</summary>
    public bool SiteVerifies { get; init; }

    /// <summary>A plain-language reason shown when this criterion decides a verdict ("this study is for people who…").</summary>
    public LocalizedText? Reason { get; init; }

    /// <summary>A reviewer's note explaining a correction made by hand.</summary>
    public string? ReviewNote { get; init; }
}

/// <summary>Inclusion or exclusion, as the heading above the criterion says.</summary>
public enum CriterionKind
{
    Inclusion,
    Exclusion,
}

/// <summary>Who can check a criterion.</summary>
public enum AnswerableBy
{
    /// <summary>The patient (or guardian) can answer it: diagnoses they know, treatments received, pregnancy, infections, …</summary>
    Patient,

    /// <summary>Only the study site can check it: labs, scores, biopsy classes, investigator judgment.</summary>
    Site,

    /// <summary>Not a health fact: consent, compliance, permission statements.</summary>
    None,
}

/// <summary>Lines of the source a piece of text came from (1-based, inclusive).</summary>
public sealed record SourceSpan(int StartLine, int EndLine);

/// <summary>Source text that is not part of any criterion, and why.</summary>
public sealed record IgnoredText(string Text, string Reason, SourceSpan Source);

/// <summary>Concept tags of criteria.</summary>
public static class Concepts
{
    public const string Age = "age";
    public const string Sex = "sex";
    public const string Diagnosis = "diagnosis";
    public const string DiseaseActivity = "disease-activity";
    public const string PriorTherapy = "prior-therapy";
    public const string Medication = "medication";
    public const string Pregnancy = "pregnancy";
    public const string Contraception = "contraception";
    public const string Infection = "infection";
    public const string Transplant = "transplant";
    public const string Malignancy = "malignancy";
    public const string Vaccine = "vaccine";
    public const string OtherTrial = "other-trial";
    public const string Cns = "cns-disease";
    public const string Cardiac = "cardiac-disease";
    public const string Allergy = "allergy";
    public const string Surgery = "surgery";
    public const string MentalHealth = "mental-health";
    public const string OrganFunction = "organ-function";
    public const string LabValue = "lab-value";
    public const string Score = "score";
    public const string Consent = "consent";
    public const string Compliance = "compliance";
    public const string InvestigatorJudgment = "investigator-judgment";
    public const string Other = "other";
}
