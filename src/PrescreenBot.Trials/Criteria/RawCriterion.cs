namespace PrescreenBot.Trials.Criteria;

/// <summary>A criterion as segmented, before classification.</summary>
internal sealed class RawCriterion
{
    public required string Id { get; set; }

    public required CriterionKind Kind { get; init; }

    public required ListMarker Marker { get; init; }

    public string Text { get; set; } = string.Empty;

    public required int StartLine { get; init; }

    public int EndLine { get; set; }

    public RawCriterion? Parent { get; init; }

    public string? Cohort { get; set; }

    public bool IsCohortHeading { get; set; }

    /// <summary>True for items that continue a numbered list begun under the other heading.</summary>
    public bool ContinuesOtherSection { get; set; }

    public int ChildCount { get; set; }

    public int Depth => Parent is null ? 0 : Parent.Depth + 1;
}

/// <summary>What segmentation produced: criteria, the lines it set aside, and numbering problems.</summary>
internal sealed record Segmentation(
    IReadOnlyList<RawCriterion> Criteria,
    IReadOnlyList<IgnoredText> Ignored,
    IReadOnlyList<Flag> Flags,
    IReadOnlyList<Cohort> Cohorts);
