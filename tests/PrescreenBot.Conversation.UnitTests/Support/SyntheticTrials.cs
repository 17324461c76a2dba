using PrescreenBot.Conversation.Screening;
using PrescreenBot.Trials;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Conversation.UnitTests.Support;

/// <summary>Two small trials built in code, for testing the mechanics of the conversation independently of the seed files.</summary>
public static class SyntheticTrials
{
    public const string Adult = "NCT00000001";
    public const string Children = "NCT00000002";

    public static TrialCatalog Catalog() => new([AdultLupusTrial(), ChildrenLupusTrial()]);

    public static TrialCatalog AdultOnly() => new([AdultLupusTrial()]);

    public static TrialQuestionSet AdultLupusTrial() => new()
    {
        Trial = new Trial
        {
            Id = Adult,
            NctId = Adult,
            Title = "Adult lupus cell therapy study",
            OverallStatus = TrialStatuses.Recruiting,
            MinAgeYears = 18,
            MaxAgeYears = 65,
            ConditionKeys = [ConditionKeys.Sle],
        },
        Status = QuestionSetStatus.Approved,
        Criteria =
        [
            Criterion("age", CriterionKind.Inclusion, Question(QuestionKeys.Age, AnswerRule.OutsideRange(18, 65), AnswerType.Number, Units.Years),
                "This study is for people aged 18 to 65."),
            Criterion("in-1", CriterionKind.Inclusion, Question(QuestionKeys.Condition, AnswerRule.NoneOf([ConditionKeys.Sle]), AnswerType.Choice),
                "This study is for people with lupus."),
            Criterion("ex-1", CriterionKind.Exclusion, Question(QuestionKeys.PriorCarT, AnswerRule.WhenYes),
                "This study is for people who have not had CAR-T therapy before."),
            Criterion("ex-2", CriterionKind.Exclusion, Question(QuestionKeys.Hiv, AnswerRule.WhenYes), "This study is for people without HIV."),
            Criterion("ex-5", CriterionKind.Exclusion, Question(QuestionKeys.Transplant, AnswerRule.WhenYes),
                "This study is for people who have not had an organ or stem cell transplant."),
            Criterion("ex-3", CriterionKind.Exclusion, Question(QuestionKeys.Pregnant, AnswerRule.WhenYes), "This study is for people who are not pregnant."),
            Criterion("ex-4", CriterionKind.Exclusion,
                Question(QuestionKeys.SuicidalThoughts, AnswerRule.WhenYes, windowDays: 180) with { SelfHarmRisk = true, Sensitive = true },
                "This study is for people without recent suicidal thoughts."),
            new Criterion
            {
                Id = "in-2",
                Kind = CriterionKind.Inclusion,
                Text = "SLEDAI-2K score of 8 or more",
                AnswerableBy = AnswerableBy.Site,
                SiteVerifies = true,
                Concept = Concepts.Score,
            },
        ],
    };

    public static TrialQuestionSet ChildrenLupusTrial() => new()
    {
        Trial = new Trial
        {
            Id = Children,
            NctId = Children,
            Title = "Children and adults lupus study",
            OverallStatus = TrialStatuses.NotYetRecruiting,
            MinAgeYears = 5,
            ConditionKeys = [ConditionKeys.Sle],
        },
        Status = QuestionSetStatus.Approved,
        Criteria =
        [
            Criterion("age", CriterionKind.Inclusion, Question(QuestionKeys.Age, AnswerRule.OutsideRange(5, null), AnswerType.Number, Units.Years),
                "This study is for people aged 5 or older."),
            Criterion("in-1", CriterionKind.Inclusion, Question(QuestionKeys.Condition, AnswerRule.NoneOf([ConditionKeys.Sle]), AnswerType.Choice),
                "This study is for people with lupus."),
            Criterion("ex-1", CriterionKind.Exclusion, Question(QuestionKeys.PriorCarT, AnswerRule.WhenYes),
                "This study is for people who have not had CAR-T therapy before."),
            Criterion("ex-2", CriterionKind.Exclusion, Question(QuestionKeys.Hiv, AnswerRule.WhenYes), "This study is for people without HIV."),
        ],
    };

    private static Criterion Criterion(string id, CriterionKind kind, Question question, string reason) => new()
    {
        Id = id,
        Kind = kind,
        Text = reason,
        AnswerableBy = AnswerableBy.Patient,
        Questions = [question],
        Reason = new LocalizedText(reason, "中文：" + reason),
    };

    private static Question Question(string key, AnswerRule rule, AnswerType type = AnswerType.YesNo, string? unit = null, int? windowDays = null) => new()
    {
        Key = key,
        AnswerType = type,
        Unit = unit,
        Text = QuestionCatalog.Compose(key, windowDays),
        GuardianText = QuestionCatalog.Compose(key, windowDays, forGuardian: true),
        Choices = QuestionCatalog.Find(key)?.Choices ?? [],
        Disqualifying = rule,
        WindowDays = windowDays,
    };
}
