using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PrescreenBot.Trials.DialogFiles;

/// <summary>
/// Reads and writes <c>dialogs/&lt;trial-id&gt;.yaml</c>, the human-editable, versioned question set of one trial.
/// Text in, text out: the caller does the file I/O.
/// </summary>
public static class DialogFile
{
    /// <summary>The format version written by this code; files with a higher version are refused.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>File name extension of dialog files.</summary>
    public const string Extension = ".yaml";

    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .WithIndentedSequences()
        .DisableAliases()
        .Build();

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>The file name for a trial: its id plus <see cref="Extension"/>.</summary>
    public static string FileNameFor(Trial trial) => trial.Id + Extension;

    /// <summary>Serializes a question set to YAML.</summary>
    public static string Write(TrialQuestionSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var header = "# Question set for " + set.Trial.Id + ". Edit freely; keep `status: approved` once reviewed.\n" +
                     "# Regenerating keeps approved edits (see src/PrescreenBot.Trials/README.md).\n";
        return header + Serializer.Serialize(DialogFileMapper.ToDocument(set));
    }

    /// <summary>
    /// Parses a dialog file. Throws <see cref="DialogFileException"/> naming <paramref name="fileName"/> and the problem.
    /// </summary>
    public static TrialQuestionSet Read(string yaml, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (string.IsNullOrWhiteSpace(yaml))
        {
            throw new DialogFileException(fileName, "the file is empty.");
        }

        DialogFileDocument? document;
        try
        {
            document = Deserializer.Deserialize<DialogFileDocument>(yaml);
        }
        catch (YamlException e)
        {
            throw new DialogFileException(fileName, $"not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}", e);
        }

        if (document is null)
        {
            throw new DialogFileException(fileName, "the file holds no question set.");
        }

        if (document.FormatVersion > CurrentFormatVersion)
        {
            throw new DialogFileException(fileName, $"format version {document.FormatVersion} is newer than this program understands ({CurrentFormatVersion}).");
        }

        return DialogFileMapper.FromDocument(document, fileName);
    }
}
