using Microsoft.Extensions.Logging;
using PrescreenBot.Bot.Turns;
using PrescreenBot.Conversation.Asks;
using PrescreenBot.Conversation.Flow;
using PrescreenBot.Conversation.Referrals;
using PrescreenBot.Conversation.Screening;
using PrescreenBot.Conversation.Session;
using PrescreenBot.Conversation.Verdicts;

namespace PrescreenBot.Conversation.Handoff;

/// <summary>
/// The referral step (issue 7), only after consent to share: the nearest site (asked when several tie), name, phone and/or
/// email (validated), best time, preferred language, a read-back, then <see cref="IReferralService.CreateAsync"/> with an
/// idempotency key, the <c>prescreen/referral</c> event, and what happens next and how to withdraw.
/// </summary>
public sealed class ReferralStep(FlowServices services)
{
    public const string AnyTime = "any";

    /// <summary>The next question of the referral step; null when the step finished (or could not start) and the flow moves on.</summary>
    public async Task<Ask?> NextAsync(ITurnContext turn, PrescreenSession session, ScreeningSnapshot snapshot, AskFactory asks, Outbox outbox, CancellationToken cancellationToken)
    {
        var draft = session.Draft!;
        var set = services.Engine.Catalog.Get(draft.TrialId);
        if (draft.SiteId is null)
        {
            var recruiting = SiteChooser.Recruiting(services.Sites.SitesForTrial(set.Trial.Id), set.Trial);
            var nearest = SiteChooser.Nearest(recruiting, session.City, session.Country);
            switch (nearest.Count)
            {
                case 0:
                    // No site to hand the lead to yet: keep the consented lead in this conversation only, clearly marked.
                    var verdict = VerdictReport.Name(snapshot.EvaluationOf(set.Trial.Id).Verdict);
                    session.PendingLeads.Add(new PendingLead(set.Trial.Id, verdict, draft.SharingConsentAt ?? services.Time.GetUtcNow()));
                    Finish(session, draft);
                    services.Logger.LogInformation("Lead for trial {TrialId} kept pending: no site configured", set.Trial.Id);
                    outbox.Say(asks.T("handoff.noSite", ("trial", set.Trial.Id)), asks.Locale);
                    return null;
                case 1:
                    draft.SiteId = nearest[0].Id;
                    outbox.Say(asks.T("handoff.siteChosen", ("site", nearest[0].Name), ("city", nearest[0].City)), asks.Locale);
                    break;
                default:
                    return asks.Choice(StepIds.Site, asks.T("handoff.chooseSite"), "handoff.chooseSite.retry",
                        [.. nearest.Select(s => new AskOption(s.Id, $"{s.Name} ({s.City})", [s.City, s.Name]))]);
            }
        }

        if (draft.Name is null)
        {
            return asks.Text(StepIds.Name, asks.T("handoff.name.prompt"), "handoff.name.retry", TextCheck.Name);
        }

        if (!draft.PhoneAsked)
        {
            return asks.Text(StepIds.Phone, asks.T("handoff.phone.prompt"), "handoff.phone.retry", TextCheck.Phone, allowSkip: true);
        }

        if (!draft.EmailAsked)
        {
            return draft.Phone is null
                ? asks.Text(StepIds.Email, asks.T("handoff.email.promptRequired"), "handoff.email.retry", TextCheck.Email)
                : asks.Text(StepIds.Email, asks.T("handoff.email.prompt"), "handoff.email.retryOptional", TextCheck.Email, allowSkip: true);
        }

        if (draft.BestTime is null)
        {
            return asks.Choice(StepIds.BestTime, asks.T("handoff.bestTime.prompt"), "handoff.bestTime.retry",
            [
                asks.Option("morning", "handoff.bestTime.morning"),
                asks.Option("afternoon", "handoff.bestTime.afternoon"),
                asks.Option("evening", "handoff.bestTime.evening"),
                asks.Option(AnyTime, "handoff.bestTime.any"),
            ]);
        }

        if (draft.PreferredLanguage is null)
        {
            return asks.Choice(StepIds.Language, asks.T("handoff.language.prompt"), "handoff.language.retry",
            [
                asks.Option("en", "handoff.language.english", "words.english"),
                asks.Option("zh", "handoff.language.chinese", "words.chinese"),
            ]);
        }

        var site = services.Sites.SitesForTrial(set.Trial.Id).First(s => s.Id == draft.SiteId);
        if (!draft.Confirmed)
        {
            var none = asks.T("handoff.summary.none");
            var summary = asks.AboutTrial("handoff.summary", set.Trial, ("site", site.Name), ("city", site.City), ("name", draft.Name),
                ("phone", draft.Phone ?? none), ("email", draft.Email ?? none),
                ("time", asks.T("handoff.bestTime." + draft.BestTime)), ("language", asks.T(draft.PreferredLanguage == "zh" ? "handoff.language.chinese" : "handoff.language.english")));
            return asks.YesNo(StepIds.Confirm, summary, "handoff.summary.retry");
        }

        if (draft.AwaitingRetry)
        {
            return asks.YesNo(StepIds.Retry, asks.T("handoff.failed"), "handoff.summary.retry");
        }

        var request = ReferralRequestBuilder.Build(turn.Activity, session, snapshot, set, draft, asks.Locale);
        ReferralReceipt receipt;
        try
        {
            receipt = await services.Referrals.CreateAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            services.Logger.LogError("Referral for trial {TrialId} failed: {ExceptionType}", set.Trial.Id, ex.GetType().Name);
            draft.AwaitingRetry = true;
            return asks.YesNo(StepIds.Retry, asks.T("handoff.failed"), "handoff.summary.retry");
        }

        services.Logger.LogInformation("Referral {ReferralId} for trial {TrialId} at site {SiteId} (created: {Created})",
            receipt.ReferralId, receipt.TrialId, receipt.SiteId, receipt.Created);
        session.Referrals.Add(new ReferralRecord(receipt.ReferralId, receipt.TrialId, receipt.SiteId));
        outbox.Event(PrescreenEvents.Referral, new PrescreenReferral(receipt.ReferralId, receipt.TrialId, receipt.SiteId));
        outbox.Say(asks.T("handoff.done", ("site", site.Name), ("trial", set.Trial.Id), ("referral", receipt.ReferralId)), asks.Locale);
        Finish(session, draft);

        // A referral is made: "back" cannot un-send it, so the answers before it are no longer undoable here.
        session.History.Clear();
        return null;
    }

    public static void Apply(PrescreenSession session, Ask ask, AskResult result, AskFactory asks, Outbox outbox)
    {
        var draft = session.Draft!;
        var text = result.Kind == AskResultKind.Text ? result.Text : null;
        var choice = result.Choices.FirstOrDefault();
        switch (ask.StepId)
        {
            case StepIds.Site:
                draft.SiteId = choice;
                break;
            case StepIds.Name:
                draft.Name = text;
                break;
            case StepIds.Phone:
                draft.Phone = text;
                draft.PhoneAsked = true;
                break;
            case StepIds.Email:
                draft.Email = text;
                draft.EmailAsked = true;
                break;
            case StepIds.BestTime:
                draft.BestTime = choice;
                break;
            case StepIds.Language:
                draft.PreferredLanguage = choice;
                break;
            case StepIds.Confirm when result.Kind == AskResultKind.Yes:
                draft.Confirmed = true;
                break;
            case StepIds.Confirm:
                outbox.Say(asks.T("handoff.summary.redo"), asks.Locale);
                draft.Name = null;
                draft.Phone = null;
                draft.Email = null;
                draft.PhoneAsked = false;
                draft.EmailAsked = false;
                draft.BestTime = null;
                draft.PreferredLanguage = null;
                return;
            case StepIds.Retry when result.Kind == AskResultKind.Yes:
                draft.AwaitingRetry = false;
                return;
            case StepIds.Retry:
                Finish(session, draft);
                outbox.Say(asks.T("share.declined"), asks.Locale);
                return;
        }

        session.History.Add(new HistoryEntry { StepId = ask.StepId });
    }

    private static void Finish(PrescreenSession session, ReferralDraft draft)
    {
        session.SharingAnswered.Add(draft.TrialId);
        session.SharingTrialId = null;
        session.Draft = null;
    }
}
