using PrescreenBot.Conversation.Asks;
using PrescreenBot.Conversation.Flow;
using PrescreenBot.Conversation.Resources;
using PrescreenBot.Conversation.Session;

namespace PrescreenBot.Conversation.Safety;

/// <summary>
/// What the bot says to a safety concern: crisis resources (configured per locale, else the text resource default) with the
/// screening paused; emergency advice; and no treatment advice, ever.
/// </summary>
public sealed class SafetyResponses(TextCatalog texts, PrescreenOptions options)
{
    public const string ContinueValue = "continue";
    public const string StopValue = "stop";

    public string CrisisResources(string locale) =>
        options.CrisisResources.TryGetValue(locale, out var configured) && !string.IsNullOrWhiteSpace(configured)
            ? configured
            : texts.Get(locale, "safety.crisis.default");

    public string EmergencyAdvice(string locale) =>
        options.EmergencyAdvice.TryGetValue(locale, out var configured) && !string.IsNullOrWhiteSpace(configured)
            ? configured
            : texts.Get(locale, "safety.emergency.default");

    /// <summary>Answers a concern; for self-harm also pauses the screening. Returns false when there was nothing to answer.</summary>
    public bool Respond(SafetyConcern concern, PrescreenSession session, string locale, Outbox outbox)
    {
        switch (concern)
        {
            case SafetyConcern.SelfHarm:
                outbox.Say(CrisisResources(locale), locale);
                session.Paused = true;
                return true;
            case SafetyConcern.Emergency:
                outbox.Say(EmergencyAdvice(locale), locale);
                return true;
            case SafetyConcern.TreatmentAdvice:
                outbox.Say(texts.Get(locale, "safety.noTreatmentAdvice"), locale);
                return true;
            default:
                return false;
        }
    }

    /// <summary>While paused: continue or stop, nothing else is asked.</summary>
    public static Ask PausedAsk(AskFactory asks) =>
        asks.Choice(StepIds.Paused, asks.T("safety.paused"), "safety.stillPaused",
        [
            asks.Option(ContinueValue, "choice.continue", "words.continue"),
            asks.Option(StopValue, "choice.stop", "words.stop"),
        ]);
}
