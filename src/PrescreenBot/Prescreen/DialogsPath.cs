using PrescreenBot.Conversation;
using PrescreenBot.Hosting;

namespace PrescreenBot.Prescreen;

/// <summary>Where the trial question sets are read from: <c>Prescreen:DialogsPath</c>, else the repository's <c>dialogs/</c>.</summary>
public static class DialogsPath
{
    /// <summary>The setting; a relative path is taken from the repository (or deployment) root, like <c>dialogs</c> itself.</summary>
    public const string SettingKey = PrescreenOptions.SectionName + ":DialogsPath";

    public static string Resolve(IConfiguration configuration, RepositoryLayout layout)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(layout);
        var configured = configuration[SettingKey];
        return string.IsNullOrWhiteSpace(configured)
            ? layout.DialogsDirectory
            : Path.GetFullPath(Path.Combine(layout.RootDirectory, configured));
    }
}
