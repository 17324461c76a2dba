namespace PrescreenBot.Trials.Import;

/// <summary>Names of the source layouts the importers understand.</summary>
public static class SourceLayouts
{
    /// <summary>ClinicalTrials.gov API v2 study JSON (one study or a page of studies).</summary>
    public const string CtGovJson = "ctgov-v2-json";

    /// <summary>A scraped registry page ("NCT ID:", "Basic Information", "Eligibility Criteria").</summary>
    public const string RegistryPage = "registry-page";

    /// <summary>A Veeva ClinicalTrials page ("Status and phase", "Details and patient eligibility").</summary>
    public const string VeevaPage = "veeva-page";

    /// <summary>A patient recruitment page ("Eligibility", bulleted "Inclusion Criteria:", "Study details").</summary>
    public const string RecruitmentPage = "recruitment-page";

    /// <summary>Plain "Inclusion Criteria / Exclusion Criteria" text.</summary>
    public const string PlainCriteria = "plain-criteria";
}
