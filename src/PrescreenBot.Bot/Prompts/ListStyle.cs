namespace PrescreenBot.Bot.Prompts;

/// <summary>How a prompt shows its choices.</summary>
public enum ListStyle
{
    /// <summary>Not at all (the prompt text already lists them).</summary>
    None,

    /// <summary>The best the channel supports: suggested actions, else a hero card, else inline or a list.</summary>
    Auto,

    /// <summary>In the text: "(1) A, (2) B, or (3) C".</summary>
    Inline,

    /// <summary>In the text, one numbered line each.</summary>
    List,

    /// <summary>Quick-reply buttons.</summary>
    SuggestedAction,

    /// <summary>Buttons on a hero card.</summary>
    HeroCard,
}
