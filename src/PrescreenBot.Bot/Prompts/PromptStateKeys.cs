namespace PrescreenBot.Bot.Prompts;

/// <summary>Where a prompt keeps its options and attempt count in its dialog state.</summary>
internal static class PromptStateKeys
{
    /// <summary>Not Bot Builder's "options": waterfalls use that key for arbitrary options, prompts always store <see cref="PromptOptions"/>.</summary>
    public const string Options = "promptOptions";

    public const string State = "state";
}
