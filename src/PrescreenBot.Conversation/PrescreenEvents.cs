namespace PrescreenBot.Conversation;

/// <summary>Names of the <c>event</c> activities of the pre-screen contract (issue 4), sent and received.</summary>
public static class PrescreenEvents
{
    /// <summary>Incoming: start a single-trial screen; <c>value: {"trial": "NCT…", "locale": "en-US"}</c>.</summary>
    public const string Start = "prescreen/start";

    /// <summary>Outgoing with the verdict message: <see cref="Verdicts.PrescreenResult"/>.</summary>
    public const string Result = "prescreen/result";

    /// <summary>Outgoing when a referral is created: <see cref="Handoff.PrescreenReferral"/>.</summary>
    public const string Referral = "prescreen/referral";
}
