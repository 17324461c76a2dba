namespace PrescreenBot.Conversation.Flow;

/// <summary>Ids of the steps an answer can belong to (screening questions use <c>key:…</c> and <c>group:…</c>).</summary>
public static class StepIds
{
    public const string Consent = "consent";
    public const string Respondent = "respondent";
    public const string Country = "intake:country";
    public const string City = "intake:city";
    public const string Paused = "paused";
    public const string DeleteConfirm = "delete:confirm";
    public const string ShareWhich = "share:which";
    public const string SharePrefix = "share:";
    public const string Site = "handoff:site";
    public const string Name = "handoff:name";
    public const string Phone = "handoff:phone";
    public const string Email = "handoff:email";
    public const string BestTime = "handoff:bestTime";
    public const string Language = "handoff:language";
    public const string Confirm = "handoff:confirm";
    public const string Retry = "handoff:retry";
    public const string Finished = "finished";
    public const string SkipRest = "screening:skipRest";
    public const string SwitchTrial = "start:switchTrial";

    public const string KeyPrefix = "key:";
    public const string GroupPrefix = "group:";

    public static string Share(string trialId) => SharePrefix + trialId;
}
