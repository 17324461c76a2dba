namespace PrescreenBot.Trials.Import;

/// <summary>The layout a source was recognised as, and whether the recognition is sure.</summary>
public sealed record LayoutDetection(string Layout, bool Certain, string Evidence);

/// <summary>Recognises the layout of a source by the landmarks each layout has; says when it is unsure.</summary>
public static class LayoutDetector
{
    /// <summary>A layout is sure when at least this many of its landmarks are present.</summary>
    private const int SureLandmarks = 2;

    private static readonly (string Layout, string[] Landmarks)[] PageLandmarks =
    [
        (SourceLayouts.RegistryPage, ["NCT ID:", "Basic Information", "Eligibility Criteria", "Other Identifiers", "Study Design"]),
        (SourceLayouts.VeevaPage, ["ClinicalTrials.Veeva", "Status and phase", "Details and patient eligibility", "Trial contacts and locations", "Central trial contact"]),
        (SourceLayouts.RecruitmentPage, ["Powered by AI", "Study details", "Get in touch with the nearest study center", "Enter your contact details", "Learn more about clinical trials"]),
    ];

    public static LayoutDetection Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            var looksLikeStudy = trimmed.Contains("\"protocolSection\"", StringComparison.Ordinal);
            return new(SourceLayouts.CtGovJson, looksLikeStudy, looksLikeStudy ? "JSON with protocolSection" : "JSON without a protocolSection");
        }

        var scored = PageLandmarks
            .Select(p => (p.Layout, Found: p.Landmarks.Where(l => text.Contains(l, StringComparison.OrdinalIgnoreCase)).ToList()))
            .OrderByDescending(p => p.Found.Count)
            .ToList();
        var best = scored[0];
        var runnerUp = scored[1];
        if (best.Found.Count == 0)
        {
            return new(SourceLayouts.PlainCriteria, true, "no page landmarks; plain criteria text");
        }

        var sure = best.Found.Count >= SureLandmarks && best.Found.Count > runnerUp.Found.Count;
        var evidence = $"found {string.Join(", ", best.Found.Select(f => $"\"{f}\""))}" +
                       (runnerUp.Found.Count > 0 ? $"; also {runnerUp.Layout} landmarks {string.Join(", ", runnerUp.Found.Select(f => $"\"{f}\""))}" : string.Empty);
        return new(best.Layout, sure, evidence);
    }
}
