using System.Text.Json;

namespace PrescreenBot.Cli.UnitTests.Commands.Derive;

/// <summary>Assertions on the shape of the <c>derive --json</c> contract (issue 3, "Output").</summary>
internal static class JsonShape
{
    public static readonly string[] Top = ["trial", "criteria", "ignored", "flags"];
    public static readonly string[] Trial = ["id", "title", "status", "phase", "enrollment", "minAgeYears", "maxAgeYears", "sex", "healthyVolunteers", "conditions", "sites"];
    public static readonly string[] Site = ["name", "city", "country", "status", "contacts"];
    public static readonly string[] Contact = ["name", "role", "phone", "email"];
    public static readonly string[] Criterion = ["id", "kind", "cohort", "number", "text", "answerableBy", "concept", "question", "flags"];
    public static readonly string[] Question = ["text", "answerType", "disqualifyingAnswer"];
    public static readonly string[] Ignored = ["text", "reason"];
    public static readonly string[] Flag = ["code", "message", "criterionId"];

    public static void HasExactly(JsonElement element, string[] names, string where)
    {
        element.ValueKind.Should().Be(JsonValueKind.Object, "{0} is an object", where);
        element.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(names, o => o.WithStrictOrdering(), "{0} has exactly the contract's fields", where);
    }

    public static void IsString(JsonElement element, string where) =>
        element.ValueKind.Should().Be(JsonValueKind.String, "{0} is a string", where);

    public static void IsStringOrNull(JsonElement element, string where) =>
        element.ValueKind.Should().BeOneOf([JsonValueKind.String, JsonValueKind.Null], "{0} is a string or null", where);

    public static void IsNumberOrNull(JsonElement element, string where) =>
        element.ValueKind.Should().BeOneOf([JsonValueKind.Number, JsonValueKind.Null], "{0} is a number or null", where);

    public static void IsBoolOrNull(JsonElement element, string where) =>
        element.ValueKind.Should().BeOneOf([JsonValueKind.True, JsonValueKind.False, JsonValueKind.Null], "{0} is a boolean or null", where);

    public static IEnumerable<JsonElement> Array(JsonElement element, string where)
    {
        element.ValueKind.Should().Be(JsonValueKind.Array, "{0} is an array", where);
        return element.EnumerateArray();
    }

    /// <summary>Checks one derived trial document against the whole contract.</summary>
    public static void CheckDocument(JsonElement doc)
    {
        HasExactly(doc, Top, "the document");
        var trial = doc.GetProperty("trial");
        HasExactly(trial, Trial, "trial");
        IsString(trial.GetProperty("id"), "trial.id");
        IsString(trial.GetProperty("title"), "trial.title");
        IsStringOrNull(trial.GetProperty("status"), "trial.status");
        IsStringOrNull(trial.GetProperty("phase"), "trial.phase");
        IsNumberOrNull(trial.GetProperty("enrollment"), "trial.enrollment");
        IsNumberOrNull(trial.GetProperty("minAgeYears"), "trial.minAgeYears");
        IsNumberOrNull(trial.GetProperty("maxAgeYears"), "trial.maxAgeYears");
        IsString(trial.GetProperty("sex"), "trial.sex");
        IsBoolOrNull(trial.GetProperty("healthyVolunteers"), "trial.healthyVolunteers");
        foreach (var condition in Array(trial.GetProperty("conditions"), "trial.conditions"))
        {
            IsString(condition, "a condition");
        }

        foreach (var site in Array(trial.GetProperty("sites"), "trial.sites"))
        {
            HasExactly(site, Site, "a site");
            IsString(site.GetProperty("name"), "site.name");
            IsStringOrNull(site.GetProperty("city"), "site.city");
            IsStringOrNull(site.GetProperty("country"), "site.country");
            IsStringOrNull(site.GetProperty("status"), "site.status");
            foreach (var contact in Array(site.GetProperty("contacts"), "site.contacts"))
            {
                HasExactly(contact, Contact, "a contact");
                IsString(contact.GetProperty("name"), "contact.name");
                IsStringOrNull(contact.GetProperty("role"), "contact.role");
                IsStringOrNull(contact.GetProperty("phone"), "contact.phone");
                IsStringOrNull(contact.GetProperty("email"), "contact.email");
            }
        }

        foreach (var criterion in Array(doc.GetProperty("criteria"), "criteria"))
        {
            HasExactly(criterion, Criterion, "a criterion");
            IsString(criterion.GetProperty("id"), "criterion.id");
            criterion.GetProperty("kind").GetString().Should().BeOneOf("inclusion", "exclusion");
            IsStringOrNull(criterion.GetProperty("cohort"), "criterion.cohort");
            IsStringOrNull(criterion.GetProperty("number"), "criterion.number");
            IsString(criterion.GetProperty("text"), "criterion.text");
            criterion.GetProperty("answerableBy").GetString().Should().BeOneOf("patient", "site", "none");
            IsString(criterion.GetProperty("concept"), "criterion.concept");
            var question = criterion.GetProperty("question");
            if (question.ValueKind != JsonValueKind.Null)
            {
                HasExactly(question, Question, "a question");
                IsString(question.GetProperty("text"), "question.text");
                IsString(question.GetProperty("answerType"), "question.answerType");
                IsString(question.GetProperty("disqualifyingAnswer"), "question.disqualifyingAnswer");
            }

            foreach (var code in Array(criterion.GetProperty("flags"), "criterion.flags"))
            {
                IsString(code, "a criterion's flag code");
            }
        }

        foreach (var ignored in Array(doc.GetProperty("ignored"), "ignored"))
        {
            HasExactly(ignored, Ignored, "an ignored line");
            IsString(ignored.GetProperty("text"), "ignored.text");
            IsString(ignored.GetProperty("reason"), "ignored.reason");
        }

        foreach (var flag in Array(doc.GetProperty("flags"), "flags"))
        {
            HasExactly(flag, Flag, "a flag");
            IsString(flag.GetProperty("code"), "flag.code");
            IsString(flag.GetProperty("message"), "flag.message");
            IsStringOrNull(flag.GetProperty("criterionId"), "flag.criterionId");
        }
    }
}
