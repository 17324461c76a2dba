using System.Text;

namespace PrescreenBot.Trials.Import;

/// <summary>
/// Entry point of importing: bytes or text of one source → the trial facts and its eligibility section.
/// Bad input (empty, binary, truncated JSON, no criteria) throws <see cref="ImportException"/> naming the source.
/// </summary>
public static class TrialImporter
{
    /// <summary>Share of control characters above which text is taken for binary.</summary>
    private const double BinaryControlShare = 0.05;

    public static IReadOnlyList<ImportedSource> Import(ReadOnlySpan<byte> bytes, string sourceName)
    {
        if (bytes.IsEmpty)
        {
            throw new ImportException(sourceName, "the file is empty.");
        }

        if (bytes.IndexOf((byte)0) >= 0)
        {
            throw new ImportException(sourceName, "the file is binary (it contains NUL bytes), not text or JSON.");
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new ImportException(sourceName, "the file is not UTF-8 text (invalid byte sequence).", e);
        }

        return Import(text, sourceName);
    }

    public static IReadOnlyList<ImportedSource> Import(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ImportException(sourceName, "the file is empty.");
        }

        var controls = text.Count(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t'));
        if (controls > text.Length * BinaryControlShare)
        {
            throw new ImportException(sourceName, "the file looks binary (many control characters), not text or JSON.");
        }

        var detection = LayoutDetector.Detect(text);
        if (detection.Layout == SourceLayouts.CtGovJson)
        {
            return CtGovJsonParser.Parse(text, sourceName);
        }

        var lines = SourceLine.Split(text);
        var flags = new List<Flag>();
        var source = detection.Layout switch
        {
            SourceLayouts.RegistryPage => RegistryPageParser.Parse(lines, sourceName),
            SourceLayouts.VeevaPage => VeevaPageParser.Parse(lines, sourceName, flags),
            SourceLayouts.RecruitmentPage => RecruitmentPageParser.Parse(lines, sourceName),
            _ => PlainCriteriaParser.Parse(lines, sourceName),
        };

        if (!detection.Certain)
        {
            flags.Add(new Flag
            {
                Code = FlagCodes.LayoutUncertain,
                Message = $"The layout was guessed as {detection.Layout} ({detection.Evidence}); check the trial facts against the source.",
            });
        }

        return [source with { LayoutCertain = detection.Certain, Flags = [.. source.Flags, .. flags] }];
    }
}
