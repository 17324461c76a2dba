using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PrescreenBot.Trials;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Cli.Commands.Derive;

// The `derive --json` contract that checks outside the project rely on. Separate records so that the model can
// change without changing the contract: null for unknown values, ages in years, English question text.
internal sealed record DerivedJson(TrialJson Trial, IReadOnlyList<CriterionJson> Criteria, IReadOnlyList<IgnoredJson> Ignored, IReadOnlyList<FlagJson> Flags);

internal sealed record TrialJson(
    string Id, string Title, string? Status, string? Phase, int? Enrollment, double? MinAgeYears, double? MaxAgeYears, string Sex,
    bool? HealthyVolunteers, IReadOnlyList<string> Conditions, IReadOnlyList<SiteJson> Sites);

internal sealed record SiteJson(string Name, string? City, string? Country, string? Status, IReadOnlyList<ContactJson> Contacts);

internal sealed record ContactJson(string Name, string? Role, string? Phone, string? Email);

internal sealed record CriterionJson(
    string Id, string Kind, string? Cohort, string? Number, string Text, string AnswerableBy, string Concept, QuestionJson? Question,
    IReadOnlyList<string> Flags);

// Exactly the contract's three fields: checks outside the project may reject unknown ones. A criterion with several
// questions shows its first; the dialog file holds them all.
internal sealed record QuestionJson(string Text, string AnswerType, string DisqualifyingAnswer);

internal sealed record IgnoredJson(string Text, string Reason);

internal sealed record FlagJson(string Code, string Message, string? CriterionId);

internal static class DeriveJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(IReadOnlyList<TrialQuestionSet> sets) =>
        sets.Count == 1 ? JsonSerializer.Serialize(AsJson(sets[0]), Options) : JsonSerializer.Serialize(sets.Select(AsJson).ToList(), Options);

    public static DerivedJson AsJson(TrialQuestionSet set)
    {
        var t = set.Trial;
        var trial = new TrialJson(
            t.Id, t.Title, t.OverallStatus, t.Phase, t.Enrollment, t.MinAgeYears, t.MaxAgeYears, t.Sex, t.HealthyVolunteers, t.Conditions,
            [.. t.Sites.Select(s => new SiteJson(s.Name, s.City, s.Country, s.Status, [.. s.Contacts.Select(AsJson)]))]);
        var criteria = set.Criteria.Select(c => new CriterionJson(
            c.Id, c.Kind == CriterionKind.Inclusion ? "inclusion" : "exclusion", c.Cohort, c.Number, c.Text,
            c.AnswerableBy switch { AnswerableBy.Patient => "patient", AnswerableBy.Site => "site", _ => "none" },
            c.Concept, c.Questions.Count > 0 ? AsJson(c.Questions[0]) : null, [.. set.OpenFlagsOn(c.Id).Select(f => f.Code).Distinct()])).ToList();
        return new DerivedJson(
            trial,
            criteria,
            [.. set.Ignored.Select(i => new IgnoredJson(i.Text, i.Reason))],
            [.. set.Flags.Where(f => !f.Resolved).Select(f => new FlagJson(f.Code, f.Message, f.CriterionId))]);
    }

    private static ContactJson AsJson(Contact c) => new(c.Name, c.Role, c.Phone, c.Email);

    private static QuestionJson AsJson(Question q) => new(
        q.Text.EnUs,
        q.AnswerType switch { AnswerType.YesNo => "yesNo", AnswerType.Number => "number", AnswerType.Choice => "choice", _ => "date" },
        q.Disqualifying.Describe());
}
