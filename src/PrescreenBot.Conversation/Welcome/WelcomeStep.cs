using PrescreenBot.Conversation.Asks;
using PrescreenBot.Conversation.Flow;
using PrescreenBot.Conversation.Screening;
using PrescreenBot.Conversation.Session;
using PrescreenBot.Trials;

namespace PrescreenBot.Conversation.Welcome;

/// <summary>
/// Who we are, what happens and that this is not medical advice; consent to answer health questions (recorded with its time
/// and wording version); and who is answering, asked only when a candidate trial admits children.
/// </summary>
public sealed class WelcomeStep(FlowServices services)
{
    public Ask? Next(PrescreenSession session, AskFactory asks, Outbox outbox)
    {
        if (session.WelcomeLocale is null)
        {
            outbox.Say(asks.T("welcome.intro"), asks.Locale);
            if (services.Engine.Catalog.Find(session.TrialId) is { } set)
            {
                outbox.Say(TrialLine(set, asks), asks.Locale);
            }

            outbox.Say(asks.T("welcome.languageHint"), asks.Locale);
            session.WelcomeLocale = asks.Locale;
        }

        if (session.Consent is null)
        {
            return asks.YesNo(StepIds.Consent, asks.T("consent.prompt"));
        }

        var candidates = services.Engine.Candidates(session);
        if (session.AnsweredByGuardian is null && candidates.Any(s => TrialCatalog.AdmitsChildren(s.Trial)))
        {
            return asks.Choice(StepIds.Respondent, asks.T("respondent.prompt"), "respondent.retry",
            [
                asks.Option("patient", "respondent.patient", "words.respondentPatient"),
                asks.Option("guardian", "respondent.guardian", "words.respondentGuardian"),
            ]);
        }

        return null;
    }

    /// <summary>"You're checking whether you might qualify for the study …", in the conversation's language.</summary>
    public static string TrialLine(TrialQuestionSet set, AskFactory asks) =>
        asks.AboutTrial("welcome.trial", set.Trial);

    /// <summary>Records the consent or the respondent; false when the patient declined and the conversation ends here.</summary>
    public bool Apply(PrescreenSession session, Ask ask, AskResult result, AskFactory asks, Outbox outbox)
    {
        switch (ask.StepId)
        {
            case StepIds.Consent when result.Kind == AskResultKind.Yes:
                session.Consent = new ConsentState(services.Options.ConsentWordingVersion, services.Time.GetUtcNow());
                session.History.Add(new HistoryEntry { StepId = StepIds.Consent });
                outbox.Say(asks.T(session.TrialId is null ? "consent.thanks.crossTrial" : "consent.thanks"), asks.Locale);
                return true;
            case StepIds.Consent:
                session.Declined = true;
                outbox.Say(asks.T("consent.declined"), asks.Locale);
                return false;
            case StepIds.Respondent when result.Choices is [var choice]:
                session.AnsweredByGuardian = choice == "guardian";
                session.History.Add(new HistoryEntry { StepId = StepIds.Respondent });
                if (session.AnsweredByGuardian == true)
                {
                    outbox.Say(asks.T("respondent.guardianNote"), asks.Locale);
                }

                return true;
            default:
                return true;
        }
    }
}
