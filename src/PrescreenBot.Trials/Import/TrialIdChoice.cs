namespace PrescreenBot.Trials.Import;

/// <summary>
/// The id <see cref="TrialIds.Choose"/> picked for a trial. <see cref="NctId"/> is the validated, upper-case NCT id (null when the
/// source had none or an invalid one); <see cref="Flags"/> holds the flag naming an invalid NCT id that was set aside.
/// </summary>
public sealed record TrialIdChoice(string Id, TrialIdKind Kind, string? NctId, IReadOnlyList<Flag> Flags);
