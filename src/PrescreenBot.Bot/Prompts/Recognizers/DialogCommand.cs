namespace PrescreenBot.Bot.Prompts.Recognizers;

/// <summary>What a user can say at any question instead of answering.</summary>
public enum DialogCommand
{
    Help,
    StartOver,

    /// <summary>Go back and change the previous answer.</summary>
    Back,
    Stop,
}
