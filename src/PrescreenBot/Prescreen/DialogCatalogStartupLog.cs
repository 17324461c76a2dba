namespace PrescreenBot.Prescreen;

/// <summary>
/// Says at start, as an error, that no question set was loaded and from which folder, so an operator sees it in the log as well
/// as in <c>/healthz</c>. The host still starts: patients are told no study is available rather than getting no answer at all.
/// </summary>
public sealed class DialogCatalogStartupLog(DialogCatalogStatus status, ILogger<DialogCatalogStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (status.Problem is { } problem)
        {
            logger.LogError("No trial question sets loaded from {DialogsDirectory}: {Problem}; patients are told no study is available. Set {Setting} or add dialogs/*.yaml",
                status.DialogsDirectory, problem, DialogsPath.SettingKey);
        }
        else
        {
            logger.LogInformation("Loaded {TrialCount} trial question sets from {DialogsDirectory}", status.TrialCount, status.DialogsDirectory);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
