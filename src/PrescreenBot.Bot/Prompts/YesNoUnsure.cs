namespace PrescreenBot.Bot.Prompts;

/// <summary>A tri-state answer: in pre-screening "I don't know" is always a valid answer.</summary>
public enum YesNoUnsure
{
    Yes,
    No,
    NotSure,
}
