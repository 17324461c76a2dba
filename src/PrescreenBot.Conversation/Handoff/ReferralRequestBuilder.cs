using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Conversation.Referrals;
using PrescreenBot.Conversation.Screening;
using PrescreenBot.Conversation.Session;
using PrescreenBot.Conversation.Verdicts;
using PrescreenBot.Trials;
using PrescreenBot.Trials.Eligibility;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Conversation.Handoff;

/// <summary>Builds the <see cref="ReferralRequest"/>: per-criterion answers with the criterion text, flags and the consent record.</summary>
public static class ReferralRequestBuilder
{
    public static ReferralRequest Build(Activity activity, PrescreenSession session, ScreeningSnapshot snapshot, TrialQuestionSet set, ReferralDraft draft, string locale)
    {
        var channelId = activity.ChannelId ?? "unknown";
        var conversationId = activity.Conversation?.Id ?? "unknown";
        var evaluation = snapshot.EvaluationOf(set.Trial.Id);
        var consent = session.Consent ?? throw new InvalidOperationException("A referral needs the screening consent first.");
        return new ReferralRequest
        {
            IdempotencyKey = IdempotencyKey(channelId, conversationId, set.Trial.Id),
            TrialId = set.Trial.Id,
            SiteId = draft.SiteId!,
            Verdict = VerdictReport.Name(evaluation.Verdict),
            Contact = new PatientContact
            {
                Name = draft.Name!,
                Phone = draft.Phone,
                Email = draft.Email,
                BestTime = draft.BestTime,
                PreferredLanguage = draft.PreferredLanguage,
                AnsweredByGuardian = session.AnsweredByGuardian == true,
            },
            Answers = Answers(evaluation, session),
            Flags = [.. set.Flags.Where(f => !f.Resolved).Select(f => f.CriterionId is null ? f.Code : $"{f.Code}:{f.CriterionId}")],
            Consent = new ConsentRecord(consent.WordingVersion, consent.GivenAt, draft.SharingConsentAt ?? consent.GivenAt),
            ChannelId = channelId,
            ConversationId = conversationId,
            Locale = locale,
        };
    }

    /// <summary>Same conversation and trial, same key: a retried final step never makes a second referral.</summary>
    public static string IdempotencyKey(string channelId, string conversationId, string trialId)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{channelId}\n{conversationId}\n{trialId}"));
        return "prescreen-" + Convert.ToHexStringLower(bytes);
    }

    private static IReadOnlyList<CriterionAnswer> Answers(TrialEvaluation evaluation, PrescreenSession session)
    {
        var complete = ImpliedAnswers.Complete(session.Answers);
        var answers = new List<CriterionAnswer>();
        foreach (var result in evaluation.Criteria.Where(r => r.Outcome != CriterionOutcome.NotApplicable))
        {
            foreach (var question in result.Criterion.Questions)
            {
                if (complete.TryGetValue(question.Key, out var answer))
                {
                    answers.Add(new CriterionAnswer(result.Criterion.Id, result.Criterion.Text, question.Text.EnUs, Describe(answer), result.Outcome.ToString()));
                }
            }
        }

        return answers;
    }

    /// <summary>The answer in a few words for the site: "yes (last 28 days)", "34 years", "sle", "not sure", "no (implied by sex)".</summary>
    public static string Describe(Answer answer)
    {
        var text = answer.Kind switch
        {
            AnswerKind.Yes or AnswerKind.No => answer.Kind.ToString().ToLowerInvariant()
                + (answer.WithinDays is { } d ? string.Create(CultureInfo.InvariantCulture, $" (last {d} days)") : string.Empty),
            AnswerKind.Number => string.Create(CultureInfo.InvariantCulture, $"{answer.Number} {answer.Unit}"),
            AnswerKind.Choice => string.Join(", ", answer.Choices),
            AnswerKind.Date => answer.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown date",
            _ => "not sure",
        };
        return answer.ImpliedBy is { } by ? $"{text} (implied by {by})" : text;
    }
}
