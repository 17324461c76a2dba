using PrescreenBot.Conversation.Asks;
using PrescreenBot.Conversation.Flow;
using PrescreenBot.Conversation.Resources;
using PrescreenBot.Conversation.Session;
using PrescreenBot.Trials;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Conversation.Screening;

/// <summary>
/// Puts a <see cref="ScreeningStep"/> to the patient (progress line, question text of the dialog files, Yes / No / Not sure or
/// the choices) and records the answer under its canonical key, with the time window it covered.
/// </summary>
public sealed class ScreeningAsks(FlowServices services)
{
    private const string SexUnsure = "unsure";

    public Ask ToAsk(ScreeningStep step, PrescreenSession session, AskFactory asks) =>
        Build(step, session, asks) with { Keys = [.. step.Questions.Select(q => q.Key)] };

    private Ask Build(ScreeningStep step, PrescreenSession session, AskFactory asks)
    {
        var locale = asks.Locale;
        var guardian = session.AnsweredByGuardian == true;
        var progress = asks.T(step.StillPossible == 1 ? "screening.progress.one" : "screening.progress",
            ("number", step.Number), ("total", Math.Max(step.AboutTotal, step.Number)), ("possible", step.StillPossible));

        if (step.Checklist is not null)
        {
            var lines = step.Questions.Select(q => "• " + Checklists.ItemText(q.Key, q.WindowDays).For(locale));
            var text = progress + "\n\n" + asks.T(guardian ? "group.prompt.guardian" : "group.prompt") + "\n" + string.Join("\n", lines);
            return YesNoNotSure(step.StepId, text, asks);
        }

        var question = step.Question;
        var body = progress + "\n\n" + question.Text.For(locale);
        return question.AnswerType switch
        {
            AnswerType.Number => new Ask
            {
                StepId = step.StepId,
                Kind = AskKind.Number,
                Text = body,
                Retry = asks.T("screening.retry.number", ("unit", UnitWords(question.Unit, asks)), ("example", Example(question.Unit, asks))),
                AllowNotSure = true,
                DefaultUnit = question.Unit == Units.Years ? Units.Years : null,
                Buttons = [asks.T("choice.notSure")],
                MaxAttempts = services.Options.MaxAttempts,
                Locale = locale,
            },
            AnswerType.Choice => new Ask
            {
                StepId = step.StepId,
                Kind = question.Key == QuestionKeys.Condition ? AskKind.MultiChoice : AskKind.Choice,
                Text = body,
                Retry = asks.T("screening.retry.choice"),
                Options = ChoiceOptions(question, asks),
                AllowNotSure = true,
                Buttons = question.Key == QuestionKeys.Sex ? [] : [asks.T("choice.notSure")],
                MaxAttempts = services.Options.MaxAttempts,
                Locale = locale,
            },
            AnswerType.Date => new Ask
            {
                StepId = step.StepId,
                Kind = AskKind.Date,
                Text = body,
                Retry = asks.T("screening.retry.date"),
                AllowNotSure = true,
                Buttons = [asks.T("choice.notSure")],
                MaxAttempts = services.Options.MaxAttempts,
                Locale = locale,
            },
            _ => YesNoNotSure(step.StepId, body, asks),
        };
    }

    /// <summary>Records the answer; returns the keys answered "yes" to a self-harm question (the caller shows crisis resources).</summary>
    public bool Apply(ScreeningStep step, PrescreenSession session, AskResult result, AskFactory asks, Outbox outbox)
    {
        if (result.Kind == AskResultKind.GaveUp)
        {
            outbox.Say(asks.T("screening.maxAttempts"), asks.Locale);
        }

        session.QuestionsAsked++;
        if (step.Checklist is { } checklist)
        {
            CountNotSure(session, result.Kind is AskResultKind.NotSure or AskResultKind.GaveUp);
            if (result.Kind == AskResultKind.No)
            {
                foreach (var question in step.Questions)
                {
                    session.Answers[question.Key] = Answer.No(question.WindowDays);
                }

                session.History.Add(new HistoryEntry { StepId = step.StepId, Keys = [.. step.Questions.Select(q => q.Key)], Counted = true });
            }
            else
            {
                session.OpenedGroups.Add(checklist);
                session.History.Add(new HistoryEntry { StepId = step.StepId, Counted = true });
                outbox.Say(asks.T("group.oneByOne"), asks.Locale);
            }

            return false;
        }

        var asked = step.Question;
        var answer = ToAnswer(asked, result);
        session.Answers[asked.Key] = answer;
        CountNotSure(session, answer.Kind == AnswerKind.NotSure);
        session.History.Add(new HistoryEntry { StepId = step.StepId, Keys = [asked.Key], Counted = true });
        return asked.SelfHarmRisk && answer.Kind == AnswerKind.Yes;
    }

    private static void CountNotSure(PrescreenSession session, bool notSure) =>
        session.NotSureStreak = notSure ? session.NotSureStreak + 1 : 0;

    public static Answer ToAnswer(SharedQuestion question, AskResult result) => result.Kind switch
    {
        AskResultKind.Yes => Answer.Yes(question.WindowDays),
        AskResultKind.No => Answer.No(question.WindowDays),
        AskResultKind.Number when result.Number is { } n => Answer.Quantity((double)n, result.Unit ?? question.Unit ?? Units.Years),
        AskResultKind.Choice when result.Choices.Count > 0 && !result.Choices.Contains(SexUnsure) => Answer.Chosen([.. result.Choices]),
        AskResultKind.Date when result.Date is { } date => Answer.On(date),
        _ => Answer.NotSure,
    };

    private Ask YesNoNotSure(string stepId, string text, AskFactory asks) => new()
    {
        StepId = stepId,
        Kind = AskKind.YesNoNotSure,
        Text = text,
        Retry = asks.T("screening.retry.yesNo"),
        AllowNotSure = true,
        Buttons = [asks.T("choice.yes"), asks.T("choice.no"), asks.T("choice.notSure")],
        MaxAttempts = services.Options.MaxAttempts,
        Locale = asks.Locale,
    };

    private static IReadOnlyList<AskOption> ChoiceOptions(SharedQuestion question, AskFactory asks)
    {
        if (question.Key == QuestionKeys.Sex)
        {
            return
            [
                asks.Option("female", "intake.sex.female", "words.female"),
                asks.Option("male", "intake.sex.male", "words.male"),
                asks.Option(SexUnsure, "intake.sex.preferNotToSay"),
            ];
        }

        // The label in the other language names the option too; the title already does, so it is not a synonym as well.
        return [.. question.Choices.Select(choice => ConditionKeys.Labels.TryGetValue(choice, out var label)
            ? new AskOption(choice, label.For(asks.Locale), [.. new[] { label.EnUs, label.ZhCn }.Where(l => l != label.For(asks.Locale))])
            {
                Words = "words.condition." + choice,
            }
            : new AskOption(choice, choice))];
    }

    private static string UnitWords(string? unit, AskFactory asks) =>
        asks.T(unit == Units.Months ? "unit.monthsOrYears" : "unit.years");

    private static string Example(string? unit, AskFactory asks) =>
        asks.T(unit == Units.Months ? "unit.monthsExample" : "unit.yearsExample");
}
