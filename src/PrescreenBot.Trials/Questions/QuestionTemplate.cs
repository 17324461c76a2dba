namespace PrescreenBot.Trials.Questions;

/// <summary>
/// The default wording of one canonical key. Texts may hold <c>{window}</c>, replaced by "the last 4 weeks" /
/// "最近4周"; <see cref="Ever"/> is used when there is no time window, <see cref="Within"/> when there is one.
/// <see cref="ExcludedPhrase"/> completes "This study is for people who …" for an exclusion on this key.
/// </summary>
public sealed record QuestionTemplate
{
    public required string Key { get; init; }

    public required string Concept { get; init; }

    public AnswerType AnswerType { get; init; } = AnswerType.YesNo;

    public string? Unit { get; init; }

    public IReadOnlyList<string> Choices { get; init; } = [];

    public required LocalizedText Ever { get; init; }

    public LocalizedText? Within { get; init; }

    public LocalizedText? Guardian { get; init; }

    /// <summary>For exclusions: "have not had CAR-T cell therapy" / "未接受过CAR-T细胞治疗" (may hold {window}).</summary>
    public LocalizedText? ExcludedPhrase { get; init; }

    /// <summary>The exclusion phrase over a time window, for present-tense facts ("have not had an active infection in {window}").</summary>
    public LocalizedText? ExcludedWithinPhrase { get; init; }

    /// <summary>
    /// True for facts asked in the present tense ("Are you pregnant?", "Do you have an active infection?"): without a
    /// time window in the criterion their question gets <c>WindowDays = 0</c>, meaning "right now".
    /// </summary>
    public bool CurrentState { get; init; }

    /// <summary>
    /// True when the question names a broad area ("a serious heart problem", "a disease of the brain") while each
    /// trial lists its own conditions: a "yes" shows the area is relevant but not that this trial's item applies,
    /// so it leads to site review, never to exclusion.
    /// </summary>
    public bool Broad { get; init; }

    public bool Sensitive { get; init; }

    public bool SelfHarmRisk { get; init; }
}
