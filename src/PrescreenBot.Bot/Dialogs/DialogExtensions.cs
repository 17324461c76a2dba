using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.Dialogs;

public static class DialogExtensions
{
    /// <summary>
    /// Runs <paramref name="dialog"/> as the root of the conversation: continues it if it is active, else begins it.
    /// The caller saves state afterwards (e.g. <c>ConversationState.SaveChangesAsync</c>).
    /// </summary>
    public static async Task<DialogTurnResult> RunAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        var dialogSet = new DialogSet(accessor).Add(dialog);
        var dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        if (result.Status == DialogTurnStatus.Empty)
        {
            result = await dc.BeginDialogAsync(dialog.Id, null, cancellationToken).ConfigureAwait(false);
        }

        return result.Status is DialogTurnStatus.Complete or DialogTurnStatus.Cancelled ? result with { ParentEnded = true } : result;
    }
}
