using System.Globalization;
using System.Text.RegularExpressions;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Trials.Criteria;

/// <summary>
/// Classifies a segmented criterion: who can answer it (patient, site, nobody), its concept, the questions
/// (one fact each, canonical keys), whether a disqualifying answer is decisive, and its plain-language reason.
/// </summary>
internal static class CriterionClassifier
{
    /// <summary>A criterion ending in ":" and shorter than this, with items under it, is a heading for its items.</summary>
    private const int MaxListHeadingLength = 100;

    /// <summary>How far into a criterion its diagnosis statement is looked for.</summary>
    private const int DiagnosisOpeningLength = 110;

    public static (Criterion Criterion, List<Flag> Flags) Classify(RawCriterion raw, ClassificationContext context)
    {
        var text = raw.Text.Replace('\n', ' ');
        var flags = new List<Flag>();
        var negatedInclusion = raw.Kind == CriterionKind.Inclusion && TextPatterns.NegativeLead().IsMatch(text);
        var exclusionLike = raw.Kind == CriterionKind.Exclusion || negatedInclusion;

        if (negatedInclusion && raw.Parent is null)
        {
            flags.Add(Flag(FlagCodes.ExclusionUnderInclusion, raw,
                "Worded as something the patient must not have (\"" + FirstWords(text) + "\") under the inclusion heading: it reads as an exclusion. Asked as one; check the intent."));
        }

        if (raw.Kind == CriterionKind.Exclusion && !raw.ContinuesOtherSection && TextPatterns.ThresholdRequirement().IsMatch(text))
        {
            flags.Add(Flag(FlagCodes.InclusionUnderExclusion, raw,
                "Reads as an inclusion threshold (a level the patient must reach) but sits under the exclusion heading."));
        }

        if (raw.Kind == CriterionKind.Exclusion && TextPatterns.NegatedPresence().Match(text) is { Success: true } neg
            && neg.Value.StartsWith("absence", StringComparison.OrdinalIgnoreCase) | neg.Value.StartsWith("free", StringComparison.OrdinalIgnoreCase))
        {
            flags.Add(Flag(FlagCodes.DoubleNegative, raw,
                $"Double negative: \"{neg.Value}\" under the exclusion heading would exclude people who do NOT have the problem. Asked as the evident intent (having it excludes); a coordinator must confirm."));
        }

        var builder = new Builder(raw, context, text);
        if (raw.Kind == CriterionKind.Exclusion && TextPatterns.Permission().IsMatch(text))
        {
            flags.Add(Flag(FlagCodes.PermissionUnderExclusion, raw,
                "A permission (\"… is allowed\") under the exclusion heading: it excludes no one. Kept for the site; no question asked."));
            return (builder.Build(AnswerableBy.None, Concepts.Medication, [], false,
                new("This statement allows something; it does not exclude anyone.", "此条为允许性说明，不排除任何人。")), flags);
        }

        var isListHeading = raw.ChildCount > 0 && !raw.IsCohortHeading && text.TrimEnd().EndsWith(':') && text.Length < MaxListHeadingLength;
        if (isListHeading)
        {
            return (builder.Build(AnswerableBy.None, SiteConcept(text), [], false,
                new("See the items listed under this criterion.", "见本条下列各项。")), flags);
        }

        var questions = exclusionLike ? builder.ExclusionQuestions() : builder.InclusionQuestions();
        var siteParts = TextPatterns.SiteOnly().IsMatch(text) || TextPatterns.Judgment().IsMatch(text);
        if (questions.Count > 0)
        {
            var concept = questions[0].Key == QuestionKeys.Condition ? Concepts.Diagnosis
                : QuestionCatalog.Find(questions[0].Key)?.Concept ?? Concepts.Other;
            return (builder.Build(AnswerableBy.Patient, concept, questions, siteParts, ReasonWriter.ForQuestions(exclusionLike, questions)), flags);
        }

        if (siteParts)
        {
            var concept = SiteConcept(text);
            return (builder.Build(AnswerableBy.Site, concept, [], true, ReasonWriter.ForSite(concept)), flags);
        }

        if (TextPatterns.Administrative().IsMatch(text))
        {
            var concept = text.Contains("consent", StringComparison.OrdinalIgnoreCase) || text.Contains("ICF", StringComparison.Ordinal)
                ? Concepts.Consent
                : text.Contains("contracep", StringComparison.OrdinalIgnoreCase) ? Concepts.Contraception : Concepts.Compliance;
            return (builder.Build(AnswerableBy.None, concept, [], false, ReasonWriter.ForSite(concept)), flags);
        }

        // Nothing recognisable: a person at the site reads it rather than guessing a question.
        return (builder.Build(AnswerableBy.Site, Concepts.Other, [], true, ReasonWriter.ForSite(Concepts.Other)), flags);
    }

    private static string SiteConcept(string text) => text switch
    {
        _ when SiteConcepts.Score().IsMatch(text) => Concepts.Score,
        _ when SiteConcepts.Diagnosis().IsMatch(text) => Concepts.Diagnosis,
        _ when SiteConcepts.Contraception().IsMatch(text) => Concepts.Contraception,
        _ when SiteConcepts.Organs().IsMatch(text) => Concepts.OrganFunction,
        _ when SiteConcepts.Cardiac().IsMatch(text) => Concepts.Cardiac,
        _ when SiteConcepts.OrganFunction().IsMatch(text) => Concepts.OrganFunction,
        _ when SiteConcepts.Lab().IsMatch(text) => Concepts.LabValue,
        _ when SiteConcepts.Allergy().IsMatch(text) => Concepts.Allergy,
        _ when SiteConcepts.Medication().IsMatch(text) => Concepts.Medication,
        _ when TextPatterns.Judgment().IsMatch(text) => Concepts.InvestigatorJudgment,
        _ => Concepts.Other,
    };

    private static Flag Flag(string code, RawCriterion raw, string message) => new() { Code = code, Message = message, CriterionId = raw.Id };

    private static string FirstWords(string text) => text.Length <= 50 ? text : text[..50].TrimEnd() + "…";

    /// <summary>Builds the criterion and its questions for one raw criterion.</summary>
    private sealed class Builder(RawCriterion raw, ClassificationContext context, string text)
    {
        // Items numbered "2.1." under a cohort heading are that cohort's own criteria (all required); items nested
        // under a numbered heading ("3." → "1.", "2.") or bullets under it are alternatives or details: site items.
        private bool TopLevel => raw.Parent is null || (raw.Parent.IsCohortHeading && raw.Marker.Style == MarkerStyle.Dotted);

        public Criterion Build(AnswerableBy by, string concept, IReadOnlyList<Question> questions, bool siteVerifies, LocalizedText reason) => new()
        {
            Id = raw.Id,
            Kind = raw.Kind,
            Cohort = raw.Cohort,
            Number = raw.Marker.Written.Length == 0 ? null : raw.Marker.Written,
            Text = raw.Text,
            Source = new SourceSpan(raw.StartLine, raw.EndLine),
            ParentId = raw.Parent?.Id,
            AnswerableBy = by,
            Concept = concept,
            Questions = questions,
            SiteVerifies = siteVerifies,
            Reason = reason,
        };

        public List<Question> ExclusionQuestions()
        {
            var windows = WindowFinder.FindAll(text);
            var judgment = TextPatterns.Judgment().IsMatch(text) || TextPatterns.Exceptions().IsMatch(text);
            var matched = new List<(string Key, List<Match> Matches)>();
            foreach (var (key, pattern) in KeyRules.Exclusion)
            {
                var matches = pattern.Matches(text).ToList();
                if (matches.Count > 0)
                {
                    matched.Add((key, matches));
                }
            }

            matched.RemoveAll(m => KeyRules.SupersededBy.TryGetValue(m.Key, out var by) && by.Any(b => matched.Any(x => x.Key == b)));

            var questions = new List<Question>();
            foreach (var (key, matches) in matched)
            {
                var template = QuestionCatalog.Find(key)!;

                // Mentions inside an exception ("The following conditions are excluded: … skin cancer") say nothing about the window.
                var exception = TextPatterns.Exceptions().Match(text);
                var relevant = matches.Where(m => !exception.Success || m.Index < exception.Index).ToList();
                var found = (relevant.Count > 0 ? relevant : matches).Select(m => WindowFinder.For(text, m.Index, windows)).ToList();

                // A B-cell drug "within 2 weeks before infusion" is a washout the site plans, not a patient fact.
                if (key == QuestionKeys.BCellDrug && found.Any(w => w is { } x && WindowFinder.IsBeforeTreatment(x)))
                {
                    continue;
                }

                var days = found.Select(w => w?.Days ?? (template.CurrentState ? 0 : (int?)null)).Distinct().ToList();
                var mixed = days.Count > 1 && days.Contains(null);
                int? window = mixed ? null : days.Max();
                // "Prior CD19 CAR-T" excludes only one target; patients rarely know their CAR-T's target, so a yes is for the site.
                var narrowed = key == QuestionKeys.PriorCarT && TextPatterns.TargetedCarT().IsMatch(text);
                var decisive = !judgment && !mixed && !narrowed && !template.SelfHarmRisk && !template.Broad;
                questions.Add(MakeQuestion(key, AnswerRule.WhenYes, window, decisive));
            }

            return questions;
        }

        public List<Question> InclusionQuestions()
        {
            var questions = new List<Question>();
            // A diagnosis criterion states the diagnosis up front ("Diagnosed with SLE according to …"); a condition named
            // later in a score or organ criterion ("SLEDAI ≥ 7, or … lupus nephritis") is not a diagnosis requirement.
            var opening = text.Length <= DiagnosisOpeningLength ? text : text[..DiagnosisOpeningLength];
            if (raw.IsCohortHeading || (TopLevel && TextPatterns.Diagnosis().IsMatch(opening)))
            {
                var keys = raw.IsCohortHeading && raw.Cohort is { } c && context.Cohorts.TryGetValue(c, out var cohort) && cohort.ConditionKeys.Count > 0
                    ? cohort.ConditionKeys
                    : ConditionDetector.Find(opening);
                if (keys.Count > 0)
                {
                    questions.Add(MakeQuestion(QuestionKeys.Condition, AnswerRule.NoneOf(keys), null, decisive: true));
                }
            }

            if (TextPatterns.AgeMention().IsMatch(TextPatterns.ChildbearingAge().Replace(text, string.Empty)) && AgeRange() is { } range)
            {
                questions.Add(MakeQuestion(QuestionKeys.Age, AnswerRule.OutsideRange(range.Min, range.Max), null, decisive: true));
            }

            if (TextPatterns.DiagnosisDuration().Match(text) is { Success: true } duration)
            {
                var n = double.Parse(duration.Groups[1].Value, CultureInfo.InvariantCulture);
                var months = duration.Groups[2].Value.StartsWith('y') ? n * 12 : n;
                questions.Add(MakeQuestion(QuestionKeys.DiagnosisDuration, AnswerRule.OutsideRange(months, null), null, decisive: true));
            }

            if (TopLevel && !raw.IsCohortHeading && TextPatterns.Refractory().IsMatch(text))
            {
                // Whether standard treatment "failed" is a clinical call; a "no" goes to the site, never excludes.
                questions.Add(MakeQuestion(QuestionKeys.Refractory, AnswerRule.WhenNo, null, decisive: false));
            }

            return questions;
        }

        private (double? Min, double? Max)? AgeRange()
        {
            if (TextPatterns.AgeRange().Match(text) is { Success: true } r)
            {
                return (double.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(r.Groups[2].Value, CultureInfo.InvariantCulture));
            }

            double? min = TextPatterns.AgeMin().Match(text) is { Success: true } m
                ? double.Parse(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, CultureInfo.InvariantCulture)
                : null;
            double? max = TextPatterns.AgeMax().Match(text) is { Success: true } x ? double.Parse(x.Groups[1].Value, CultureInfo.InvariantCulture) : null;
            if (min is null && max is null)
            {
                min = context.Trial.MinAgeYears;
                max = context.Trial.MaxAgeYears;
            }

            return min is null && max is null ? null : (min, max);
        }

        private Question MakeQuestion(string key, AnswerRule rule, int? window, bool decisive)
        {
            var template = QuestionCatalog.Find(key)!;
            return new Question
            {
                Key = key,
                AnswerType = template.AnswerType,
                Text = QuestionCatalog.Compose(key, window),
                GuardianText = context.AdmitsChildren ? QuestionCatalog.Compose(key, window, forGuardian: true) : null,
                Unit = template.Unit,
                Choices = template.Choices,
                Disqualifying = rule,
                WindowDays = template.AnswerType == AnswerType.YesNo ? window : null,
                Decisive = decisive,
                Sensitive = template.Sensitive,
                SelfHarmRisk = template.SelfHarmRisk,
            };
        }
    }
}
