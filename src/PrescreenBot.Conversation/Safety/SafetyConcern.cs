namespace PrescreenBot.Conversation.Safety;

/// <summary>What a free-text message revealed that must be answered before any screening continues.</summary>
public enum SafetyConcern
{
    None,

    /// <summary>Thoughts of suicide or self-harm: show crisis resources and pause screening.</summary>
    SelfHarm,

    /// <summary>A medical emergency happening now: advise calling emergency services.</summary>
    Emergency,

    /// <summary>A request for treatment advice, which the bot must not give.</summary>
    TreatmentAdvice,
}
