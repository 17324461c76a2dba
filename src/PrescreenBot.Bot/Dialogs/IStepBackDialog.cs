using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.Dialogs;

/// <summary>A dialog that can take the user back to its previous question ("back", "change my answer").</summary>
public interface IStepBackDialog
{
    /// <summary>True when <paramref name="instance"/> has an earlier question to go back to.</summary>
    bool CanStepBack(ITurnContext turnContext, DialogInstance instance);

    /// <summary>Goes back; the dialog's instance is the active dialog of <paramref name="dc"/>. Null when there was nothing to go back to.</summary>
    Task<DialogTurnResult?> StepBackAsync(DialogContext dc, CancellationToken cancellationToken = default);
}
