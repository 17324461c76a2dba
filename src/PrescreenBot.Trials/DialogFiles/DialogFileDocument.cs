namespace PrescreenBot.Trials.DialogFiles;

// The on-disk shape of dialogs/<trial-id>.yaml. Mutable classes with string enums because YamlDotNet binds
// through setters and a human edits the file: every value stays readable text.
#pragma warning disable CA1002, CA2227 // YAML binding needs settable lists.

internal sealed class DialogFileDocument
{
    public int FormatVersion { get; set; }

    public string? Status { get; set; }

    public string? SourceName { get; set; }

    public string? SourceHash { get; set; }

    public string? Layout { get; set; }

    public string? ReviewNote { get; set; }

    public TrialDocument? Trial { get; set; }

    public List<CohortDocument>? Cohorts { get; set; }

    public List<FlagDocument>? Flags { get; set; }

    public List<CriterionDocument>? Criteria { get; set; }

    public List<IgnoredDocument>? Ignored { get; set; }
}

internal sealed class TrialDocument
{
    public string? Id { get; set; }

    public string? IdKind { get; set; }

    public string? NctId { get; set; }

    public string? OrgStudyId { get; set; }

    public string? Title { get; set; }

    public string? TitleZh { get; set; }

    public string? OverallStatus { get; set; }

    public string? Phase { get; set; }

    public int? Enrollment { get; set; }

    public string? StartDate { get; set; }

    public string? CompletionDate { get; set; }

    public string? LastUpdated { get; set; }

    public List<string>? Conditions { get; set; }

    public List<string>? ConditionKeys { get; set; }

    public string? Sex { get; set; }

    public double? MinAgeYears { get; set; }

    public double? MaxAgeYears { get; set; }

    public bool? HealthyVolunteers { get; set; }

    public string? Sponsor { get; set; }

    public List<SiteDocument>? Sites { get; set; }

    public List<ContactDocument>? Contacts { get; set; }
}

internal sealed class SiteDocument
{
    public string? Name { get; set; }

    public string? City { get; set; }

    public string? State { get; set; }

    public string? Country { get; set; }

    public string? Status { get; set; }

    public List<ContactDocument>? Contacts { get; set; }
}

internal sealed class ContactDocument
{
    public string? Name { get; set; }

    public string? Role { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }
}

internal sealed class CohortDocument
{
    public string? Key { get; set; }

    public string? Title { get; set; }

    public List<string>? ConditionKeys { get; set; }
}

internal sealed class FlagDocument
{
    public string? Code { get; set; }

    public string? Message { get; set; }

    public string? CriterionId { get; set; }

    public bool Resolved { get; set; }

    public string? Resolution { get; set; }
}

internal sealed class CriterionDocument
{
    public string? Id { get; set; }

    public string? Kind { get; set; }

    public string? Cohort { get; set; }

    // Quoted so "1." or "2.1." is never read back as a number.
    [YamlDotNet.Serialization.YamlMember(ScalarStyle = YamlDotNet.Core.ScalarStyle.DoubleQuoted)]
    public string? Number { get; set; }

    public string? Parent { get; set; }

    public List<int>? Lines { get; set; }

    public string? Text { get; set; }

    public string? AnswerableBy { get; set; }

    public string? Concept { get; set; }

    public bool? SiteVerifies { get; set; }

    public TextDocument? Reason { get; set; }

    public string? ReviewNote { get; set; }

    public List<QuestionDocument>? Questions { get; set; }
}

internal sealed class QuestionDocument
{
    public string? Key { get; set; }

    public string? AnswerType { get; set; }

    public TextDocument? Text { get; set; }

    public TextDocument? GuardianText { get; set; }

    public string? Unit { get; set; }

    public List<string>? Choices { get; set; }

    public string? DisqualifyingAnswer { get; set; }

    public RangeDocument? AllowedRange { get; set; }

    public List<string>? AllowedChoices { get; set; }

    public int? WindowDays { get; set; }

    public bool? Decisive { get; set; }

    public bool? Sensitive { get; set; }

    public bool? SelfHarmRisk { get; set; }
}

internal sealed class RangeDocument
{
    public double? Min { get; set; }

    public double? Max { get; set; }
}

internal sealed class TextDocument
{
    [YamlDotNet.Serialization.YamlMember(Alias = "en-US", ApplyNamingConventions = false)]
    public string? EnUs { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "zh-CN", ApplyNamingConventions = false)]
    public string? ZhCn { get; set; }
}

internal sealed class IgnoredDocument
{
    public List<int>? Lines { get; set; }

    public string? Reason { get; set; }

    public string? Text { get; set; }
}
#pragma warning restore CA1002, CA2227
