using System.Text.RegularExpressions;
using PrescreenBot.Conversation.Referrals;
using PrescreenBot.Referrals.Sites;

namespace PrescreenBot.Referrals.Referrals;

/// <summary>Checks a request against the contract and the site directory before anything is written.</summary>
internal static partial class ReferralRequestValidator
{
    /// <summary>E.164 allows 15 digits; 6 rules out typos like a bare extension.</summary>
    private const int MinimumPhoneDigits = 6;
    private const int MaximumPhoneDigits = 15;

    public static void EnsureValid(ReferralRequest request, SiteOptions? site)
    {
        var errors = new List<string>();
        Require(request.IdempotencyKey, nameof(request.IdempotencyKey), errors);
        Require(request.TrialId, nameof(request.TrialId), errors);
        Require(request.SiteId, nameof(request.SiteId), errors);
        Require(request.ChannelId, nameof(request.ChannelId), errors);
        Require(request.ConversationId, nameof(request.ConversationId), errors);
        if (ReferralVerdicts.Normalize(request.Verdict) is null)
        {
            errors.Add($"Verdict must be '{ReferralVerdicts.LikelyEligible}' or '{ReferralVerdicts.NeedsReview}'.");
        }

        if (!string.IsNullOrWhiteSpace(request.SiteId))
        {
            if (site is null)
            {
                errors.Add("SiteId does not name a configured site.");
            }
            else if (!site.Trials.Contains(request.TrialId, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add("The site does not run this trial.");
            }
        }

        ValidateContact(request.Contact, errors);
        if (request.Consent is null || string.IsNullOrWhiteSpace(request.Consent.WordingVersion))
        {
            errors.Add("Consent with its wording version is required.");
        }

        if (request.Answers is null)
        {
            errors.Add("Answers are required (may be empty).");
        }

        if (errors.Count > 0)
        {
            throw new ReferralValidationException(errors);
        }
    }

    private static void ValidateContact(PatientContact? contact, List<string> errors)
    {
        if (contact is null)
        {
            errors.Add("Contact is required.");
            return;
        }

        Require(contact.Name, "Contact.Name", errors);
        var hasPhone = !string.IsNullOrWhiteSpace(contact.Phone);
        var hasEmail = !string.IsNullOrWhiteSpace(contact.Email);
        if (!hasPhone && !hasEmail)
        {
            errors.Add("Contact needs a phone number or an e-mail address.");
        }

        if (hasEmail && !EmailAddress.IsWellFormed(contact.Email!.Trim()))
        {
            errors.Add("Contact.Email is not a well-formed e-mail address.");
        }

        if (hasPhone && !IsPlausiblePhone(contact.Phone!))
        {
            errors.Add($"Contact.Phone must be {MinimumPhoneDigits}-{MaximumPhoneDigits} digits, optionally with '+', spaces, dashes, dots or parentheses.");
        }
    }

    private static bool IsPlausiblePhone(string phone)
    {
        if (!PhoneCharacters().IsMatch(phone))
        {
            return false;
        }

        var digits = phone.Count(char.IsAsciiDigit);
        return digits is >= MinimumPhoneDigits and <= MaximumPhoneDigits;
    }

    private static void Require(string? value, string name, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{name} is required.");
        }
    }

    [GeneratedRegex(@"^\s*\+?[0-9 ().\-]+\s*$")]
    private static partial Regex PhoneCharacters();
}
