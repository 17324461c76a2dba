using PrescreenBot.Trials;
using PrescreenBot.Trials.DialogFiles;

namespace PrescreenBot.Prescreen;

/// <summary>
/// Reads every <c>*.yaml</c> question set of the dialogs folder at start. A file that cannot be read stops the start with its
/// name and the reason: screening with a reviewed question set silently missing would tell patients "no study fits" when one
/// does. A missing or empty folder does not stop the start: the bot then says no study is available, and <c>/healthz</c> reports
/// it as degraded (see <see cref="DialogCatalogStatus"/>).
/// </summary>
public static class DialogCatalogLoader
{
    public static (IReadOnlyList<TrialQuestionSet> Sets, DialogCatalogStatus Status) Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var fullPath = Path.GetFullPath(directory);
        if (!Directory.Exists(fullPath))
        {
            return ([], new DialogCatalogStatus { DialogsDirectory = fullPath, DirectoryExists = false, TrialCount = 0 });
        }

        var sets = new List<TrialQuestionSet>();
        foreach (var path in Directory.EnumerateFiles(fullPath, "*" + DialogFile.Extension).Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(path);
            try
            {
                sets.Add(DialogFile.Read(File.ReadAllText(path), fileName));
            }
            catch (DialogFileException ex)
            {
                throw new InvalidOperationException($"The dialogs file {path} could not be read: {ex.Message}", ex);
            }
        }

        return (sets, new DialogCatalogStatus { DialogsDirectory = fullPath, DirectoryExists = true, TrialCount = sets.Count });
    }
}
