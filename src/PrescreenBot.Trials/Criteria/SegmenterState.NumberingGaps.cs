using System.Globalization;

namespace PrescreenBot.Trials.Criteria;

// Numbering gaps are flagged rather than repaired: a missing item may be a lost criterion a coordinator must see.
internal sealed partial class SegmenterState
{
    private void CheckTopGap(int number, int lineNumber, string written)
    {
        var expected = _topLast + 1;
        if (number > expected)
        {
            Gap(lineNumber, expected.ToString(CultureInfo.InvariantCulture), (number - 1).ToString(CultureInfo.InvariantCulture), written);
        }
    }

    private void Gap(int lineNumber, string from, string to, string written)
    {
        var missing = from == to ? $"item {from} is" : $"items {from}–{to} are";
        _flags.Add(new Flag
        {
            Code = FlagCodes.NumberingGap,
            Message = $"Under the {(_kind == CriterionKind.Inclusion ? "inclusion" : "exclusion")} heading, {missing} missing before {written} (line {lineNumber.ToString(CultureInfo.InvariantCulture)}).",
            CriterionId = PendingId(written),
        });
    }

    private string PendingId(string written)
    {
        var digits = written.Trim('(', ')', '（', '）', '.', ' ');
        return $"{Prefix}-{digits}";
    }
}
