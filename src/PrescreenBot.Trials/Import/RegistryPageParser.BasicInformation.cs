namespace PrescreenBot.Trials.Import;

// The "Basic Information" block: short unlabeled values whose meaning comes from their shape and order on the page.
internal static partial class RegistryPageParser
{
    private sealed record BasicInformation(string? Status, string? Phase, int? Enrollment, List<DateOnly> Dates);

    private static BasicInformation ReadBasicInformation(PageLines page, IgnoredLines ignored)
    {
        // Basic information: status, phase, enrollment, type, start date, completion date (in this order on the page).
        string? status = null, phase = null;
        int? enrollment = null;
        var dates = new List<DateOnly>();
        var basic = page.Find(0, "Basic Information");
        var basicEnd = page.Find(basic + 1, "Brief Summary", "Detailed Description", "Eligibility Criteria");
        if (basic >= 0)
        {
            foreach (var i in page.NonBlank(basic + 2, basicEnd < 0 ? Math.Min(basic + 12, page.Count) : basicEnd))
            {
                var t = page.Text(i);
                var n = page[i].Number;
                if (status is null && TrialStatuses.Normalize(t) is { } s)
                {
                    status = s;
                    ignored.MarkFact(n, "overall status");
                }
                else if (phase is null && FactParsers.Phase(t) is { } p)
                {
                    phase = p;
                    ignored.MarkFact(n, "phase");
                }
                else if (enrollment is null && FactParsers.EnrollmentCount(t) is { } e)
                {
                    enrollment = e;
                    ignored.MarkFact(n, "enrollment");
                }
                else if (FactParsers.IsoDate(t) is { } d)
                {
                    dates.Add(d);
                    ignored.MarkFact(n, dates.Count == 1 ? "start date" : "completion date");
                }
                else if (t is "INTERVENTIONAL" or "OBSERVATIONAL" or "EXPANDED_ACCESS")
                {
                    ignored.MarkFact(n, "study type");
                }
            }
        }

        return new BasicInformation(status, phase, enrollment, dates);
    }
}
