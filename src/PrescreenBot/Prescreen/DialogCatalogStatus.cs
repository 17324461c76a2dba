namespace PrescreenBot.Prescreen;

/// <summary>
/// What was loaded from the dialogs folder at start, for the start-up log and <c>/healthz</c>. Holds the folder and counts only:
/// question sets are trial data, not patient data, but nothing more than a count is needed here.
/// </summary>
public sealed record DialogCatalogStatus
{
    /// <summary>The folder read (absolute).</summary>
    public required string DialogsDirectory { get; init; }

    /// <summary>False when the folder does not exist.</summary>
    public required bool DirectoryExists { get; init; }

    public required int TrialCount { get; init; }

    /// <summary>No question set loaded: every patient hears "no studies are available right now".</summary>
    public bool IsEmpty => TrialCount == 0;

    /// <summary>Why nothing was loaded, in words for an operator; null when trials were loaded.</summary>
    public string? Problem => !DirectoryExists ? "the dialogs folder does not exist"
        : IsEmpty ? "the dialogs folder holds no question set (*.yaml)"
        : null;
}
