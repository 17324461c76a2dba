using PrescreenBot.Hosting;
using PrescreenBot.Trials;
using PrescreenBot.Trials.DialogFiles;

namespace PrescreenBot.Prescreen;

/// <summary>
/// Reads every <c>dialogs/*.yaml</c> at start. A file that cannot be read stops the start with its name and the
/// reason: screening with a silently missing trial would tell patients "no study fits" when one does.
/// </summary>
public static class DialogCatalogLoader
{
    public static IReadOnlyList<TrialQuestionSet> Load(RepositoryLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var directory = layout.DialogsDirectory;
        if (!Directory.Exists(directory))
        {
            throw new InvalidOperationException($"The dialogs directory {directory} does not exist; the bot needs the trial question sets (dialogs/*.yaml).");
        }

        var sets = new List<TrialQuestionSet>();
        foreach (var path in Directory.EnumerateFiles(directory, "*" + DialogFile.Extension).Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(path);
            try
            {
                sets.Add(DialogFile.Read(File.ReadAllText(path), fileName));
            }
            catch (DialogFileException ex)
            {
                throw new InvalidOperationException($"dialogs/{fileName} could not be read: {ex.Message}", ex);
            }
        }

        return sets;
    }
}
