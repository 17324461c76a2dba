using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PrescreenBot.Trials.Criteria;
using PrescreenBot.Trials.Flags;
using PrescreenBot.Trials.Import;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Trials.Derivation;

/// <summary>
/// Source document → question set(s): import, segment, classify, derive questions, flag problems. Pure: the
/// caller passes the bytes and today's date (for the stale-status check). Bad input throws <see cref="ImportException"/>.
/// </summary>
public static class TrialDeriver
{
    /// <summary>Derives the question sets of every trial in a source (a CT.gov page may hold several).</summary>
    public static IReadOnlyList<TrialQuestionSet> Derive(ReadOnlySpan<byte> bytes, string sourceName, DateOnly today)
    {
        var hash = Hash(bytes);
        return [.. TrialImporter.Import(bytes, sourceName).Select(s => Derive(s, sourceName, hash, today))];
    }

    /// <summary>Derives from text (hashed as UTF-8).</summary>
    public static IReadOnlyList<TrialQuestionSet> Derive(string text, string sourceName, DateOnly today) =>
        Derive(Encoding.UTF8.GetBytes(text), sourceName, today);

    /// <summary>"sha256:" and the lower-case hex SHA-256 of the source bytes.</summary>
    public static string Hash(ReadOnlySpan<byte> bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static TrialQuestionSet Derive(ImportedSource source, string sourceName, string sourceHash, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(source);
        var segmentation = Segmenter.Segment(source.CriteriaLines);
        if (segmentation.Criteria.Count == 0)
        {
            throw new ImportException(sourceName, "the eligibility section holds no criteria (only headings or blank lines).");
        }

        var trial = source.Trial with
        {
            ConditionKeys = source.Trial.ConditionKeys.Count > 0
                ? source.Trial.ConditionKeys
                : ConditionDetector.Find(string.Join(" | ", [source.Trial.Title, .. source.Trial.Conditions])),
        };

        var cohorts = segmentation.Cohorts.Select(c => c with { ConditionKeys = CohortConditions(c, segmentation.Criteria) }).ToList();
        var context = new ClassificationContext(trial, cohorts.ToDictionary(c => c.Key));

        var flags = new List<Flag>(source.Flags);
        flags.AddRange(segmentation.Flags);
        var criteria = new List<Criterion>();
        foreach (var raw in segmentation.Criteria)
        {
            var (criterion, criterionFlags) = CriterionClassifier.Classify(raw, context);
            criteria.Add(criterion);
            flags.AddRange(criterionFlags);
            foreach (var (found, meaning) in GarbledTerms.Find(raw.Text))
            {
                flags.Add(new Flag
                {
                    Code = FlagCodes.GarbledTerm,
                    Message = $"\"{found}\" looks garbled or mistranslated; it most likely means {meaning}. Check the original wording.",
                    CriterionId = raw.Id,
                });
            }

            if (FactParsers.Placeholder().Match(raw.Text) is { Success: true } placeholder)
            {
                flags.Add(new Flag { Code = FlagCodes.TemplatePlaceholder, Message = $"Template placeholder {placeholder.Value} left in the criterion text.", CriterionId = raw.Id });
            }
        }

        foreach (var ignored in source.Ignored)
        {
            if (FactParsers.Placeholder().Match(ignored.Text) is { Success: true } placeholder)
            {
                flags.Add(new Flag
                {
                    Code = FlagCodes.TemplatePlaceholder,
                    Message = string.Create(CultureInfo.InvariantCulture, $"Template placeholder {placeholder.Value} left in the page (line {ignored.Source.StartLine}): the page was published from an unfilled template, so its site details cannot be trusted."),
                });
            }
        }

        criteria.InsertRange(0, StructuredCriteria(trial, cohorts, context));
        // An importer that set an invalid NCT id aside already raised the no-NCT-id flag naming it; the generic one would repeat it.
        var importerNamedTheId = flags.Any(f => f.Code == FlagCodes.NoNctId);
        flags.AddRange([.. TrialFlagger.Find(trial, today, flags).Where(f => !(importerNamedTheId && f.Code == FlagCodes.NoNctId))]);

        return new TrialQuestionSet
        {
            Trial = trial,
            SourceName = sourceName,
            SourceHash = sourceHash,
            Layout = source.Layout,
            Cohorts = cohorts,
            Criteria = criteria,
            Ignored = [.. source.Ignored.Concat(segmentation.Ignored).OrderBy(i => i.Source.StartLine)],
            Flags = [.. flags.DistinctBy(f => (f.Code, f.CriterionId, f.Message))],
        };
    }

    private static IReadOnlyList<string> CohortConditions(Cohort cohort, IReadOnlyList<RawCriterion> criteria)
    {
        if (cohort.Title is { } title && ConditionDetector.Find(title) is { Count: > 0 } fromTitle)
        {
            return fromTitle;
        }

        var members = criteria.Where(c => c.Cohort == cohort.Key).ToList();
        var diagnosis = members.Where(c => TextPatterns.Diagnosis().IsMatch(c.Text)).Select(c => ConditionDetector.Find(c.Text)).FirstOrDefault(k => k.Count > 0);
        return diagnosis ?? members.Select(c => ConditionDetector.Find(c.Text)).FirstOrDefault(k => k.Count > 0) ?? [];
    }

    /// <summary>Criteria from the structured fields (age, sex, condition/cohort), so they are checked even when the text lost them.</summary>
    private static IEnumerable<Criterion> StructuredCriteria(Trial trial, IReadOnlyList<Cohort> cohorts, ClassificationContext context)
    {
        if (trial.MinAgeYears is not null || trial.MaxAgeYears is not null)
        {
            var question = Structured(QuestionKeys.Age, AnswerRule.OutsideRange(trial.MinAgeYears, trial.MaxAgeYears), context);
            var text = (trial.MinAgeYears, trial.MaxAgeYears) switch
            {
                ({ } min, { } max) => string.Create(CultureInfo.InvariantCulture, $"Age {min:0.##} to {max:0.##} years (the record's minimum and maximum age)."),
                ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $"Age {min:0.##} years or older (the record's minimum age; no maximum)."),
                (null, { } max) => string.Create(CultureInfo.InvariantCulture, $"Age up to {max:0.##} years (the record's maximum age; no minimum)."),
                _ => string.Empty,
            };
            yield return new Criterion
            {
                Id = "age",
                Kind = CriterionKind.Inclusion,
                Text = text,
                AnswerableBy = AnswerableBy.Patient,
                Concept = Concepts.Age,
                Questions = [question],
                Reason = ReasonWriter.ForQuestions(false, [question]),
            };
        }

        if (trial.Sex is Sexes.Female or Sexes.Male)
        {
            var allowed = trial.Sex == Sexes.Female ? "female" : "male";
            var question = Structured(QuestionKeys.Sex, AnswerRule.NoneOf([allowed]), context);
            yield return new Criterion
            {
                Id = "sex",
                Kind = CriterionKind.Inclusion,
                Text = $"Sex: {trial.Sex} only (the record's sex field).",
                AnswerableBy = AnswerableBy.Patient,
                Concept = Concepts.Sex,
                Questions = [question],
                Reason = trial.Sex == Sexes.Female ? new("This study is for women only.", "本研究仅招募女性。") : new("This study is for men only.", "本研究仅招募男性。"),
            };
        }

        if (cohorts.Count == 0 && trial.ConditionKeys.Count > 0)
        {
            var question = Structured(QuestionKeys.Condition, AnswerRule.NoneOf(trial.ConditionKeys), context);
            var studied = trial.Conditions.Count > 0 ? string.Join("; ", trial.Conditions) : trial.Title;
            yield return new Criterion
            {
                Id = "condition",
                Kind = CriterionKind.Inclusion,
                Text = $"Condition studied: {studied} (from the record).",
                AnswerableBy = AnswerableBy.Patient,
                Concept = Concepts.Diagnosis,
                Questions = [question],
                Reason = ReasonWriter.ForQuestions(false, [question]),
            };
        }

        foreach (var cohort in cohorts.Where(c => c.ConditionKeys.Count > 0))
        {
            var question = Structured(QuestionKeys.Condition, AnswerRule.NoneOf(cohort.ConditionKeys), context);
            yield return new Criterion
            {
                Id = "cohort-" + cohort.Key,
                Kind = CriterionKind.Inclusion,
                Cohort = cohort.Key,
                Text = $"Cohort {cohort.Key}: {cohort.Title ?? "(heading missing in the source)"}.",
                AnswerableBy = AnswerableBy.Patient,
                Concept = Concepts.Diagnosis,
                Questions = [question],
                Reason = ReasonWriter.ForQuestions(false, [question]),
            };
        }
    }

    private static Question Structured(string key, AnswerRule rule, ClassificationContext context)
    {
        var template = QuestionCatalog.Find(key)!;
        return new Question
        {
            Key = key,
            AnswerType = template.AnswerType,
            Text = QuestionCatalog.Compose(key, null),
            GuardianText = context.AdmitsChildren ? QuestionCatalog.Compose(key, null, forGuardian: true) : null,
            Unit = template.Unit,
            Choices = template.Choices,
            Disqualifying = rule,
        };
    }
}
