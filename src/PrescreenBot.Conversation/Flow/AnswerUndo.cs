using PrescreenBot.Conversation.Session;

namespace PrescreenBot.Conversation.Flow;

/// <summary>
/// "Back": clears exactly what one answered step set, so the flow asks that question again. Changing an answer given before
/// the verdicts also withdraws the verdicts and the sharing choices made on them (they are recomputed and asked again).
/// </summary>
public static class AnswerUndo
{
    public static void Undo(PrescreenSession session, HistoryEntry entry)
    {
        var id = entry.StepId;
        var beforeVerdicts = true;
        switch (id)
        {
            case StepIds.Consent:
                session.Consent = null;
                break;
            case StepIds.Respondent:
                session.AnsweredByGuardian = null;
                break;
            case StepIds.Country:
                session.Country = null;
                session.CountryAsked = false;
                session.CandidatesShown = false;
                session.NoCandidates = false;
                break;
            case StepIds.City:
                session.City = null;
                session.CityAsked = false;
                session.CandidatesShown = false;
                session.NoCandidates = false;
                break;
            case StepIds.SkipRest:
                foreach (var key in entry.Keys)
                {
                    session.Answers.Remove(key);
                }

                session.SkipOffered = false;
                break;
            case var _ when id.StartsWith(StepIds.KeyPrefix, StringComparison.Ordinal) || id.StartsWith(StepIds.GroupPrefix, StringComparison.Ordinal):
                foreach (var key in entry.Keys)
                {
                    session.Answers.Remove(key);
                }

                if (id.StartsWith(StepIds.GroupPrefix, StringComparison.Ordinal))
                {
                    session.OpenedGroups.Remove(id[StepIds.GroupPrefix.Length..]);
                }

                if (entry.Counted)
                {
                    session.QuestionsAsked--;
                }

                break;
            default:
                beforeVerdicts = false;
                UndoSharing(session, id);
                break;
        }

        if (beforeVerdicts)
        {
            session.ResultSent = false;
            session.SharingAnswered.Clear();
            session.SharingTrialId = null;
            session.Draft = null;
        }
    }

    private static void UndoSharing(PrescreenSession session, string id)
    {
        var draft = session.Draft;
        switch (id)
        {
            case StepIds.ShareWhich:
                session.SharingTrialId = null;
                session.SharingAnswered.Clear();
                break;
            case var _ when id.StartsWith(StepIds.SharePrefix, StringComparison.Ordinal):
                session.SharingAnswered.Remove(id[StepIds.SharePrefix.Length..]);
                session.Draft = null;
                break;
            case StepIds.Site when draft is not null:
                draft.SiteId = null;
                break;
            case StepIds.Name when draft is not null:
                draft.Name = null;
                break;
            case StepIds.Phone when draft is not null:
                draft.Phone = null;
                draft.PhoneAsked = false;
                break;
            case StepIds.Email when draft is not null:
                draft.Email = null;
                draft.EmailAsked = false;
                break;
            case StepIds.BestTime when draft is not null:
                draft.BestTime = null;
                break;
            case StepIds.Language when draft is not null:
                draft.PreferredLanguage = null;
                break;
        }
    }
}
