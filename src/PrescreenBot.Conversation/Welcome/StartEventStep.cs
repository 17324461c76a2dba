using PrescreenBot.Conversation.Asks;
using PrescreenBot.Conversation.Flow;
using PrescreenBot.Conversation.Screening;
using PrescreenBot.Conversation.Session;

namespace PrescreenBot.Conversation.Welcome;

/// <summary>
/// A <c>prescreen/start</c> event (a site's "check if you qualify" link). Web Chat greets on connect and sends the event right
/// after, so before anything is answered the trial and language are adopted quietly and the welcome and consent question
/// appear once. Mid-screen nothing is lost: another trial is offered as a switch that keeps every answer.
/// </summary>
public sealed class StartEventStep(TrialCatalog catalog)
{
    /// <summary>
    /// Applies the request to the session and says what must be said. True when the question already waiting stays as it is
    /// (what was said carries its buttons); false when the dialog should ask afresh (welcome, the current or the switch question).
    /// </summary>
    public bool Apply(PrescreenSession session, StartRequest request, bool questionWaiting, AskFactory asks, Outbox outbox, string? channelId)
    {
        var set = catalog.Find(request.Trial);
        var unknownTrial = set is null && request.Trial is not null;
        var otherTrial = set is not null && !string.Equals(set.Trial.Id, session.TrialId, StringComparison.OrdinalIgnoreCase);
        var notes = new List<string>();
        if (unknownTrial)
        {
            notes.Add(asks.T(HasAnswered(session) ? "start.unknownTrialKept" : "welcome.unknownTrial", ("trial", request.Trial)));
        }

        if (!HasAnswered(session))
        {
            if (set is not null)
            {
                session.TrialId = set.Trial.Id;
            }
            else if (unknownTrial)
            {
                session.TrialId = null;
            }

            if (!questionWaiting || session.WelcomeLocale != asks.Locale)
            {
                // Not greeted yet, or greeted in another language: the welcome (naming the trial) and consent, once, in this one.
                session.WelcomeLocale = null;
                Say(notes, asks, outbox);
                return false;
            }

            if (otherTrial)
            {
                notes.Add(WelcomeStep.TrialLine(set!, asks));
            }

            Remark(notes, session.PendingAsk, asks, outbox, channelId);
            return true;
        }

        session.Stopped = false;
        session.Declined = false;
        if (otherTrial && session.Answers.Count > 0)
        {
            session.ProposedTrialId = set!.Trial.Id;
        }
        else if (otherTrial)
        {
            session.TrialId = set!.Trial.Id;
            notes.Add(WelcomeStep.TrialLine(set, asks));
        }
        else if (!unknownTrial && questionWaiting)
        {
            notes.Add(asks.T("resume.welcomeBack"));
        }

        Say(notes, asks, outbox);
        return false;
    }

    /// <summary>The offer to switch to the trial of a start event that arrived mid-screen; null when none is pending.</summary>
    public Ask? Next(PrescreenSession session, AskFactory asks)
    {
        if (catalog.Find(session.ProposedTrialId) is not { } proposed)
        {
            session.ProposedTrialId = null;
            return null;
        }

        var text = catalog.Find(session.TrialId) is { } current
            ? asks.AboutTrial("start.switchPrompt", proposed.Trial, ("current", asks.TitleOf(current.Trial)))
            : asks.AboutTrial("start.switchPrompt.fromAll", proposed.Trial);
        return asks.YesNo(StepIds.SwitchTrial, text, "start.switchRetry");
    }

    /// <summary>Yes: the proposed trial is screened from here, with every answer kept (verdicts and sharing are worked out again).</summary>
    public void ApplySwitch(PrescreenSession session, AskResult result, AskFactory asks, Outbox outbox)
    {
        var proposed = catalog.Find(session.ProposedTrialId);
        session.ProposedTrialId = null;
        if (result.Kind != AskResultKind.Yes || proposed is null)
        {
            outbox.Say(asks.T("start.switchDeclined"), asks.Locale);
            return;
        }

        session.SwitchTrial(proposed.Trial.Id);
        outbox.Say(WelcomeStep.TrialLine(proposed, asks) + " " + asks.T("start.switchDone"), asks.Locale);
    }

    /// <summary>Consent given or declined, or anything answered: from then on a start event must not greet again.</summary>
    private static bool HasAnswered(PrescreenSession session) =>
        session.Consent is not null || session.Declined || session.History.Count > 0 || session.Answers.Count > 0;

    private static void Say(List<string> notes, AskFactory asks, Outbox outbox)
    {
        foreach (var note in notes)
        {
            outbox.Say(note, asks.Locale);
        }
    }

    /// <summary>Said while a question waits: one message carrying that question's buttons, as Web Chat shows them under the newest activity only.</summary>
    private static void Remark(List<string> notes, Ask? waiting, AskFactory asks, Outbox outbox, string? channelId)
    {
        if (notes.Count == 0)
        {
            return;
        }

        var text = string.Join("\n\n", notes);
        if (waiting is null)
        {
            outbox.Say(text, asks.Locale);
            return;
        }

        outbox.Add(AskActivities.Remark(waiting, text, channelId));
    }
}
