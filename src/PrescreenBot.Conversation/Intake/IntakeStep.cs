using PrescreenBot.Conversation.Asks;
using PrescreenBot.Conversation.Flow;
using PrescreenBot.Conversation.Screening;
using PrescreenBot.Conversation.Session;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Conversation.Intake;

/// <summary>
/// The cross-trial intake after age, sex and condition (which the planner asks first, as shared question keys): where the
/// patient lives, to pick the nearest site later, then the candidate trials, recruiting first and not-yet-recruiting named as such.
/// </summary>
public sealed class IntakeStep
{
    private static readonly string[] IntakeKeys = [QuestionKeys.Age, QuestionKeys.Sex, QuestionKeys.Condition];

    /// <summary>Where the patient lives is optional: after this many answers we cannot read, it is skipped so nobody is stuck.</summary>
    private const int AttemptsBeforeSkipping = 3;

    /// <summary>Null when the intake is complete (or not needed: a single-trial screen).</summary>
    public static Ask? Next(PrescreenSession session, ScreeningSnapshot snapshot, ScreeningStep? step, AskFactory asks, Outbox outbox)
    {
        if (session.TrialId is not null || session.CandidatesShown)
        {
            return null;
        }

        var intakeOpen = step is { Checklist: null } && IntakeKeys.Contains(step.Question.Key, StringComparer.OrdinalIgnoreCase);
        if (intakeOpen)
        {
            return null;
        }

        var possible = snapshot.StillPossible.ToList();
        if (possible.Count > 0 && !session.CountryAsked)
        {
            return asks.Text(StepIds.Country, asks.T("intake.country.prompt"), "intake.country.retry", allowSkip: true) with { MaxAttempts = AttemptsBeforeSkipping };
        }

        if (possible.Count > 0 && !session.CityAsked)
        {
            return asks.Text(StepIds.City, asks.T("intake.city.prompt"), "intake.city.retry", allowSkip: true) with { MaxAttempts = AttemptsBeforeSkipping };
        }

        session.CandidatesShown = true;
        if (possible.Count == 0)
        {
            session.NoCandidates = true;
            outbox.Say(asks.T("candidates.none"), asks.Locale);
            return null;
        }

        var lines = new List<string> { asks.T(possible.Count == 1 ? "candidates.intro.one" : "candidates.intro", ("count", possible.Count)) };
        lines.AddRange(possible.Select(s => asks.AboutTrial(
            TrialCatalog.IsNotYetRecruiting(s.Trial) ? "candidates.notYetRecruiting" : "candidates.recruiting", s.Trial)));
        outbox.Say(string.Join("\n", lines), asks.Locale);
        if (step is not null)
        {
            outbox.Say(asks.T("candidates.questionsNext"), asks.Locale);
        }

        return null;
    }

    public static void Apply(PrescreenSession session, Ask ask, AskResult result)
    {
        var value = result.Kind == AskResultKind.Text ? result.Text : null;
        if (ask.StepId == StepIds.Country)
        {
            session.Country = value;
            session.CountryAsked = true;
        }
        else
        {
            session.City = value;
            session.CityAsked = true;
        }

        session.History.Add(new HistoryEntry { StepId = ask.StepId });
    }
}
