using System.Text.Json.Serialization;
using PrescreenBot.Conversation.Session.Stored;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Conversation.Session;

/// <summary>
/// Everything one conversation has established, persisted in <c>ConversationState</c> after every turn. The flow is derived
/// from it (the next question is whatever is not yet known), which is what makes back, start over and resume simple.
/// Mutable with public setters because it is stored as JSON; answers and history in the compact form of <see cref="StoredForm"/>.
/// </summary>
public sealed class PrescreenSession
{
    /// <summary>The version of the stored form (written, never read: readers tell the forms apart by shape).</summary>
    [JsonInclude]
    [JsonPropertyName("v")]
    internal int StoredVersion => StoredForm.CurrentVersion;

    /// <summary>Conversation language (en-US or zh-CN); null until the first activity sets it.</summary>
    public string? Locale { get; set; }

    /// <summary>True once the patient (or a <c>prescreen/start</c> event) chose the language, so the channel's locale no longer overrides it.</summary>
    public bool LocaleChosen { get; set; }

    /// <summary>The trial of a single-trial screen; null screens across every loaded trial.</summary>
    public string? TrialId { get; set; }

    /// <summary>The language the welcome was shown in; null until it is shown (a start event in another language shows it again).</summary>
    public string? WelcomeLocale { get; set; }

    /// <summary>A start event for another trial arrived mid-screen: the patient is asked whether to switch (answers are kept).</summary>
    public string? ProposedTrialId { get; set; }

    public ConsentState? Consent { get; set; }

    /// <summary>The patient declined to answer health questions; only "start" begins again.</summary>
    public bool Declined { get; set; }

    /// <summary>True when a parent or guardian answers for a child; null until asked (or when nobody needs to be asked).</summary>
    public bool? AnsweredByGuardian { get; set; }

    /// <summary>Answers by canonical question key, as the patient gave them (implied answers are recomputed, never stored).</summary>
    [JsonIgnore]
    public Dictionary<string, Answer> Answers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Stored: the answers no step of <see cref="History"/> carries (all of them in version 1). Read answers are added to
    /// <see cref="Answers"/>, as are those the history carries, whichever is read first.
    /// </summary>
    [JsonInclude]
    [JsonPropertyName("answers")]
    [JsonConverter(typeof(StoredAnswersConverter))]
    internal Dictionary<string, Answer>? StoredAnswers
    {
        get
        {
            var carriers = StoredHistory.Carriers(History, Answers);
            if (carriers.Count == Answers.Count)
            {
                // Every answer rides with its step (the usual case): nothing to gather.
                return null;
            }

            var rest = Answers.Where(a => !carriers.ContainsKey(a.Key)).ToDictionary(StringComparer.OrdinalIgnoreCase);
            return rest.Count == 0 ? null : rest;
        }

        set
        {
            foreach (var (key, answer) in value ?? [])
            {
                Answers[key] = answer;
            }
        }
    }

    /// <summary>Checklists (<see cref="Checklists"/>) answered "yes" or "not sure": their items are asked one by one.</summary>
    public HashSet<string> OpenedGroups { get; set; } = new(StringComparer.Ordinal);

    public string? Country { get; set; }

    public string? City { get; set; }

    public bool CountryAsked { get; set; }

    public bool CityAsked { get; set; }

    public bool CandidatesShown { get; set; }

    /// <summary>No trial fitted the intake answers (already said, so the verdicts need no second "stopped early").</summary>
    public bool NoCandidates { get; set; }

    /// <summary>Questions the patient answered to reach the verdicts (the <c>questionsAsked</c> of <c>prescreen/result</c>).</summary>
    public int QuestionsAsked { get; set; }

    public bool ResultSent { get; set; }

    /// <summary>
    /// The pre-screen reached its end and the closing message was said (once). Until "start over", "back" or "delete my data",
    /// a message gets the short finished notice instead of the closing message again.
    /// </summary>
    public bool Finished { get; set; }

    /// <summary>The "no studies are available" notice was shown on joining or on a start event (a message always gets it).</summary>
    public bool UnavailableNoticeShown { get; set; }

    /// <summary>"Not sure" answers in a row; after several the patient is offered to see the results now.</summary>
    public int NotSureStreak { get; set; }

    /// <summary>The offer to skip the remaining questions was made (it is made once).</summary>
    public bool SkipOffered { get; set; }

    /// <summary>Each answered step, newest last, so "back" can undo exactly the last answer.</summary>
    [JsonIgnore]
    public List<HistoryEntry> History { get; set; } = [];

    /// <summary>Stored: <see cref="History"/>, each step with the answers it carries (see <see cref="StoredHistory"/>).</summary>
    [JsonInclude]
    [JsonPropertyName("history")]
    internal StoredHistory? StoredHistory
    {
        get => History.Count == 0 ? null : new StoredHistory { Entries = History, Answers = Answers };
        set
        {
            if (value is null)
            {
                return;
            }

            History = [.. value.Entries];
            foreach (var (key, answer) in value.Answers)
            {
                Answers[key] = answer;
            }
        }
    }

    /// <summary>Trials whose sharing question was answered (yes or no), so each is offered once.</summary>
    public List<string> SharingAnswered { get; set; } = [];

    /// <summary>The trial the patient picked to share with when several qualify.</summary>
    public string? SharingTrialId { get; set; }

    /// <summary>The referral being collected; null outside the referral step.</summary>
    public ReferralDraft? Draft { get; set; }

    /// <summary>Referrals created in this conversation.</summary>
    public List<ReferralRecord> Referrals { get; set; } = [];

    /// <summary>Leads consented to but not deliverable (no site configured): kept here with <see cref="PendingLead.Marker"/>.</summary>
    public List<PendingLead> PendingLeads { get; set; } = [];

    /// <summary>Screening paused after a self-harm disclosure until the patient says "continue".</summary>
    public bool Paused { get; set; }

    /// <summary>A "delete my data" waits for the patient's confirmation.</summary>
    public bool DeleteRequested { get; set; }

    /// <summary>The patient said "stop": nothing is asked until "start".</summary>
    public bool Stopped { get; set; }

    /// <summary>The question waiting for an answer (for help, which explains what it expects).</summary>
    public Asks.Ask? PendingAsk { get; set; }

    /// <summary>When the patient last sent something, to notice a break and re-ask the current question.</summary>
    public DateTimeOffset? LastSeenAt { get; set; }

    /// <summary>"Delete my data": forgets everything the patient told us, keeping only the language to say goodbye in.</summary>
    public void Forget()
    {
        RestartScreening(keepConsent: false);
        TrialId = null;
        WelcomeLocale = null;
        Referrals.Clear();
        PendingLeads.Clear();
        LastSeenAt = null;
    }

    /// <summary>Screens <paramref name="trialId"/> from here, keeping every answer; the verdicts and sharing are worked out again.</summary>
    public void SwitchTrial(string trialId)
    {
        TrialId = trialId;
        ProposedTrialId = null;
        CandidatesShown = false;
        NoCandidates = false;
        ResultSent = false;
        Finished = false;
        SharingAnswered.Clear();
        SharingTrialId = null;
        Draft = null;
    }

    /// <summary>Forgets the screening but keeps the language, the single-trial choice and the consent already given.</summary>
    public void RestartScreening(bool keepConsent)
    {
        Answers.Clear();
        OpenedGroups.Clear();
        History.Clear();
        Country = null;
        City = null;
        CountryAsked = false;
        CityAsked = false;
        CandidatesShown = false;
        NoCandidates = false;
        QuestionsAsked = 0;
        ResultSent = false;
        Finished = false;
        NotSureStreak = 0;
        SkipOffered = false;
        SharingAnswered.Clear();
        SharingTrialId = null;
        Draft = null;
        Paused = false;
        DeleteRequested = false;
        Stopped = false;
        Declined = false;
        ProposedTrialId = null;
        if (!keepConsent)
        {
            Consent = null;
            AnsweredByGuardian = null;
        }
    }
}
