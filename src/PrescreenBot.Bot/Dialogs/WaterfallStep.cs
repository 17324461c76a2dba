namespace PrescreenBot.Bot.Dialogs;

/// <summary>One step of a <see cref="WaterfallDialog"/>: usually stores the previous answer and asks the next question.</summary>
public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext stepContext, CancellationToken cancellationToken);
