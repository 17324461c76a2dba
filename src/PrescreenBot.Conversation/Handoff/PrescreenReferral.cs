namespace PrescreenBot.Conversation.Handoff;

/// <summary>Value of the <c>prescreen/referral</c> event, sent once a referral exists: <c>{"referralId","trialId","siteId"}</c>.</summary>
public sealed record PrescreenReferral(string ReferralId, string TrialId, string SiteId);
