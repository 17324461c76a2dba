using System.Globalization;

namespace PrescreenBot.Trials.Flags;

/// <summary>Trial-level problems: stale or not-yet status, missing ids, sites or contacts.</summary>
internal static class TrialFlagger
{
    private static readonly string[] OpenStatuses =
        [TrialStatuses.Recruiting, TrialStatuses.NotYetRecruiting, TrialStatuses.EnrollingByInvitation, TrialStatuses.ActiveNotRecruiting];

    public static IEnumerable<Flag> Find(Trial trial, DateOnly today, IReadOnlyList<Flag> already)
    {
        if (trial.OverallStatus is { } status && OpenStatuses.Contains(status) && trial.CompletionDate is { } done && done < today)
        {
            yield return new Flag
            {
                Code = FlagCodes.StaleStatus,
                Message = $"The record says {status} but its completion date {done.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} has passed; confirm the trial is still open before referring anyone.",
            };
        }

        if (trial.OverallStatus == TrialStatuses.NotYetRecruiting)
        {
            yield return new Flag
            {
                Code = FlagCodes.NotYetRecruiting,
                Message = "The trial is not yet recruiting: offer patients to tell the site they are interested, not to enrol.",
            };
        }

        if (trial.IdKind != TrialIdKind.NctId)
        {
            yield return new Flag
            {
                Code = FlagCodes.NoNctId,
                Message = trial.IdKind == TrialIdKind.OrgStudyId
                    ? $"No NCT id in the source; the sponsor's study id '{trial.Id}' is used. Look the trial up on ClinicalTrials.gov."
                    : $"No NCT id and no study id in the source; the slug '{trial.Id}' is used. Look the trial up on ClinicalTrials.gov and rename the file.",
            };
        }

        if (trial.Sites.Count == 0 && !already.Any(f => f.Code == FlagCodes.NoSites))
        {
            yield return new Flag { Code = FlagCodes.NoSites, Message = "No study site is listed; a referral has nowhere to go until a site is added." };
        }

        var siteContacts = trial.Sites.SelectMany(s => s.Contacts).Any();
        var centralContacts = trial.Contacts.Any(c => c.Role is { } r && r.Contains("CENTRAL", StringComparison.OrdinalIgnoreCase));
        if (!siteContacts && !centralContacts)
        {
            var people = trial.Contacts.Count == 0 ? "nobody" : string.Join(", ", trial.Contacts.Select(c => c.Role ?? "contact").Distinct());
            yield return new Flag
            {
                Code = FlagCodes.NoContacts,
                Message = $"No central or site contact is listed (named: {people}); add a contact for referrals.",
            };
        }
    }
}
