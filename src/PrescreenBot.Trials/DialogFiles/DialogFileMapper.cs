using System.Globalization;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Trials.DialogFiles;

/// <summary>Maps between the model and the on-disk document, validating what a human may have mistyped.</summary>
internal static class DialogFileMapper
{
    private const string DateFormat = "yyyy-MM-dd";

    public static DialogFileDocument ToDocument(TrialQuestionSet set) => new()
    {
        FormatVersion = set.FormatVersion,
        Status = set.Status == QuestionSetStatus.Approved ? "approved" : "draft",
        SourceName = set.SourceName,
        SourceHash = set.SourceHash,
        Layout = set.Layout,
        ReviewNote = set.ReviewNote,
        Trial = ToDocument(set.Trial),
        Cohorts = [.. set.Cohorts.Select(c => new CohortDocument { Key = c.Key, Title = c.Title, ConditionKeys = [.. c.ConditionKeys] })],
        Flags = [.. set.Flags.Select(f => new FlagDocument { Code = f.Code, Message = f.Message, CriterionId = f.CriterionId, Resolved = f.Resolved, Resolution = f.Resolution })],
        Criteria = [.. set.Criteria.Select(ToDocument)],
        Ignored = [.. set.Ignored.Select(i => new IgnoredDocument { Lines = [i.Source.StartLine, i.Source.EndLine], Reason = i.Reason, Text = i.Text })],
    };

    private static TrialDocument ToDocument(Trial t) => new()
    {
        Id = t.Id,
        IdKind = Camel(t.IdKind.ToString()),
        NctId = t.NctId,
        OrgStudyId = t.OrgStudyId,
        Title = t.Title,
        TitleZh = t.TitleZh,
        OverallStatus = t.OverallStatus,
        Phase = t.Phase,
        Enrollment = t.Enrollment,
        StartDate = t.StartDate?.ToString(DateFormat, CultureInfo.InvariantCulture),
        CompletionDate = t.CompletionDate?.ToString(DateFormat, CultureInfo.InvariantCulture),
        LastUpdated = t.LastUpdated?.ToString(DateFormat, CultureInfo.InvariantCulture),
        Conditions = [.. t.Conditions],
        ConditionKeys = [.. t.ConditionKeys],
        Sex = t.Sex,
        MinAgeYears = t.MinAgeYears,
        MaxAgeYears = t.MaxAgeYears,
        HealthyVolunteers = t.HealthyVolunteers,
        Sponsor = t.Sponsor,
        Sites = [.. t.Sites.Select(s => new SiteDocument
        {
            Name = s.Name, City = s.City, State = s.State, Country = s.Country, Status = s.Status,
            Contacts = [.. s.Contacts.Select(ToDocument)],
        })],
        Contacts = [.. t.Contacts.Select(ToDocument)],
    };

    private static ContactDocument ToDocument(Contact c) => new() { Name = c.Name, Role = c.Role, Phone = c.Phone, Email = c.Email };

    private static CriterionDocument ToDocument(Criterion c) => new()
    {
        Id = c.Id,
        Kind = c.Kind == CriterionKind.Inclusion ? "inclusion" : "exclusion",
        Cohort = c.Cohort,
        Number = c.Number,
        Parent = c.ParentId,
        Lines = c.Source is { } s ? [s.StartLine, s.EndLine] : null,
        Text = c.Text,
        AnswerableBy = Camel(c.AnswerableBy.ToString()),
        Concept = c.Concept,
        SiteVerifies = c.SiteVerifies ? true : null,
        Reason = ToDocument(c.Reason),
        ReviewNote = c.ReviewNote,
        Questions = [.. c.Questions.Select(ToDocument)],
    };

    private static QuestionDocument ToDocument(Question q) => new()
    {
        Key = q.Key,
        AnswerType = Camel(q.AnswerType.ToString()),
        Text = ToDocument(q.Text),
        GuardianText = ToDocument(q.GuardianText),
        Unit = q.Unit,
        Choices = [.. q.Choices],
        DisqualifyingAnswer = q.Disqualifying.YesNo is { } yes ? (yes ? "yes" : "no") : null,
        AllowedRange = q.Disqualifying.Min is not null || q.Disqualifying.Max is not null
            ? new RangeDocument { Min = q.Disqualifying.Min, Max = q.Disqualifying.Max }
            : null,
        AllowedChoices = [.. q.Disqualifying.AllowedChoices],
        WindowDays = q.WindowDays,
        Decisive = q.Decisive ? null : false,
        Sensitive = q.Sensitive ? true : null,
        SelfHarmRisk = q.SelfHarmRisk ? true : null,
    };

    private static TextDocument? ToDocument(LocalizedText? text) => text is null ? null : new() { EnUs = text.EnUs, ZhCn = text.ZhCn };

    public static TrialQuestionSet FromDocument(DialogFileDocument d, string fileName)
    {
        var trial = d.Trial ?? throw new DialogFileException(fileName, "missing 'trial' section.");
        var criteria = (d.Criteria ?? []).Select((c, i) => FromDocument(c, i, fileName)).ToList();
        var duplicate = criteria.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DialogFileException(fileName, $"criterion id '{duplicate.Key}' is used more than once.");
        }

        return new TrialQuestionSet
        {
            FormatVersion = d.FormatVersion == 0 ? DialogFile.CurrentFormatVersion : d.FormatVersion,
            Status = d.Status?.Trim().ToLowerInvariant() switch
            {
                null or "" or "draft" => QuestionSetStatus.Draft,
                "approved" => QuestionSetStatus.Approved,
                var other => throw new DialogFileException(fileName, $"status '{other}' is not 'draft' or 'approved'."),
            },
            SourceName = d.SourceName,
            SourceHash = d.SourceHash,
            Layout = d.Layout,
            ReviewNote = d.ReviewNote,
            Trial = FromDocument(trial, fileName),
            Cohorts = [.. (d.Cohorts ?? []).Select(c => new Cohort
            {
                Key = Required(c.Key, "cohorts[].key", fileName),
                Title = c.Title,
                ConditionKeys = [.. c.ConditionKeys ?? []],
            })],
            Flags = [.. (d.Flags ?? []).Select(f => new Flag
            {
                Code = Required(f.Code, "flags[].code", fileName),
                Message = f.Message ?? string.Empty,
                CriterionId = f.CriterionId,
                Resolved = f.Resolved,
                Resolution = f.Resolution,
            })],
            Criteria = criteria,
            Ignored = [.. (d.Ignored ?? []).Select(i => new IgnoredText(i.Text ?? string.Empty, i.Reason ?? string.Empty, Span(i.Lines) ?? new SourceSpan(0, 0)))],
        };
    }

    private static Trial FromDocument(TrialDocument t, string fileName) => new()
    {
        Id = Required(t.Id, "trial.id", fileName),
        IdKind = ParseEnum<TrialIdKind>(t.IdKind, "trial.idKind", fileName, TrialIdKind.NctId),
        NctId = t.NctId,
        OrgStudyId = t.OrgStudyId,
        Title = t.Title ?? string.Empty,
        TitleZh = string.IsNullOrWhiteSpace(t.TitleZh) ? null : t.TitleZh.Trim(),
        OverallStatus = t.OverallStatus,
        Phase = t.Phase,
        Enrollment = t.Enrollment,
        StartDate = Date(t.StartDate, "trial.startDate", fileName),
        CompletionDate = Date(t.CompletionDate, "trial.completionDate", fileName),
        LastUpdated = Date(t.LastUpdated, "trial.lastUpdated", fileName),
        Conditions = [.. t.Conditions ?? []],
        ConditionKeys = [.. t.ConditionKeys ?? []],
        Sex = t.Sex?.ToUpperInvariant() switch
        {
            null or "" or Sexes.All => Sexes.All,
            Sexes.Female => Sexes.Female,
            Sexes.Male => Sexes.Male,
            var other => throw new DialogFileException(fileName, $"trial.sex '{other}' is not ALL, FEMALE or MALE."),
        },
        MinAgeYears = t.MinAgeYears,
        MaxAgeYears = t.MaxAgeYears,
        HealthyVolunteers = t.HealthyVolunteers,
        Sponsor = t.Sponsor,
        Sites = [.. (t.Sites ?? []).Select(s => new Site
        {
            Name = Required(s.Name, "trial.sites[].name", fileName),
            City = s.City,
            State = s.State,
            Country = s.Country,
            Status = s.Status,
            Contacts = [.. (s.Contacts ?? []).Select(c => FromDocument(c, fileName))],
        })],
        Contacts = [.. (t.Contacts ?? []).Select(c => FromDocument(c, fileName))],
    };

    private static Contact FromDocument(ContactDocument c, string fileName) =>
        new() { Name = Required(c.Name, "contacts[].name", fileName), Role = c.Role, Phone = c.Phone, Email = c.Email };

    private static Criterion FromDocument(CriterionDocument c, int index, string fileName)
    {
        var where = $"criteria[{index.ToString(CultureInfo.InvariantCulture)}]";
        var id = Required(c.Id, where + ".id", fileName);
        return new Criterion
        {
            Id = id,
            Kind = c.Kind?.Trim().ToLowerInvariant() switch
            {
                "inclusion" => CriterionKind.Inclusion,
                "exclusion" => CriterionKind.Exclusion,
                var other => throw new DialogFileException(fileName, $"criterion '{id}': kind '{other}' is not 'inclusion' or 'exclusion'."),
            },
            Cohort = c.Cohort,
            Number = c.Number,
            ParentId = c.Parent,
            Source = Span(c.Lines),
            Text = c.Text ?? string.Empty,
            AnswerableBy = ParseEnum<AnswerableBy>(c.AnswerableBy, $"criterion '{id}' answerableBy", fileName, AnswerableBy.Site),
            Concept = c.Concept ?? Concepts.Other,
            SiteVerifies = c.SiteVerifies ?? false,
            Reason = FromDocument(c.Reason),
            ReviewNote = c.ReviewNote,
            Questions = [.. (c.Questions ?? []).Select(q => FromDocument(q, id, fileName))],
        };
    }

    private static Question FromDocument(QuestionDocument q, string criterionId, string fileName)
    {
        var key = Required(q.Key, $"criterion '{criterionId}' question key", fileName);
        var type = ParseEnum<AnswerType>(q.AnswerType, $"criterion '{criterionId}' question '{key}' answerType", fileName, AnswerType.YesNo);
        var rule = new AnswerRule
        {
            YesNo = q.DisqualifyingAnswer?.Trim().ToLowerInvariant() switch
            {
                null or "" => null,
                "yes" or "true" => true,
                "no" or "false" => false,
                var other => throw new DialogFileException(fileName, $"criterion '{criterionId}' question '{key}': disqualifyingAnswer '{other}' is not yes or no."),
            },
            Min = q.AllowedRange?.Min,
            Max = q.AllowedRange?.Max,
            AllowedChoices = [.. q.AllowedChoices ?? []],
        };
        if (type == AnswerType.YesNo && rule.YesNo is null)
        {
            throw new DialogFileException(fileName, $"criterion '{criterionId}' question '{key}': a yes/no question needs disqualifyingAnswer.");
        }

        return new Question
        {
            Key = key,
            AnswerType = type,
            Text = FromDocument(q.Text) ?? throw new DialogFileException(fileName, $"criterion '{criterionId}' question '{key}' has no text."),
            GuardianText = FromDocument(q.GuardianText),
            Unit = q.Unit,
            Choices = [.. q.Choices ?? []],
            Disqualifying = rule,
            WindowDays = q.WindowDays,
            Decisive = q.Decisive ?? true,
            Sensitive = q.Sensitive ?? false,
            SelfHarmRisk = q.SelfHarmRisk ?? false,
        };
    }

    private static LocalizedText? FromDocument(TextDocument? t) =>
        t is null || (t.EnUs is null && t.ZhCn is null) ? null : new(t.EnUs ?? string.Empty, t.ZhCn ?? string.Empty);

    private static SourceSpan? Span(List<int>? lines) => lines switch
    {
        [var a, var b] => new SourceSpan(a, b),
        [var a] => new SourceSpan(a, a),
        _ => null,
    };

    private static string Required(string? value, string what, string fileName) =>
        string.IsNullOrWhiteSpace(value) ? throw new DialogFileException(fileName, $"missing {what}.") : value;

    private static DateOnly? Date(string? value, string what, string fileName) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new DialogFileException(fileName, $"{what} '{value}' is not a date (yyyy-MM-dd).");

    private static T ParseEnum<T>(string? value, string what, string fileName, T fallback)
        where T : struct, Enum =>
        string.IsNullOrWhiteSpace(value) ? fallback
        : Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw new DialogFileException(fileName, $"{what} '{value}' is not one of: {string.Join(", ", Enum.GetNames<T>().Select(Camel))}.");

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
