namespace PrescreenBot.Bot.Dialogs;

/// <summary>The persisted dialog stack of a conversation (top of the stack is index 0).</summary>
public sealed class DialogState
{
    public List<DialogInstance> DialogStack { get; set; } = [];
}
