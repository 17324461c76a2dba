using Microsoft.Extensions.Options;

namespace PrescreenBot.Referrals.Referrals;

/// <summary>Start-up checks of <c>Referrals</c>: values that would make delivery loop, stall or duplicate.</summary>
public sealed class ReferralsOptionsValidator : IValidateOptions<ReferralsOptions>
{
    public ValidateOptionsResult Validate(string? name, ReferralsOptions options)
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add("Referrals.PublicBaseUrl must be an absolute http(s) URL.");
        }

        if (options.RetentionDays < 0)
        {
            errors.Add("Referrals.RetentionDays must be 0 (keep) or more.");
        }

        var delivery = options.Delivery;
        if (delivery.MaxAttempts < 1)
        {
            errors.Add("Referrals.Delivery.MaxAttempts must be at least 1.");
        }

        if (delivery.BaseDelay <= TimeSpan.Zero || delivery.MaxDelay < delivery.BaseDelay)
        {
            errors.Add("Referrals.Delivery.BaseDelay must be positive and MaxDelay at least BaseDelay.");
        }

        if (delivery.BatchSize < 1 || delivery.PollInterval <= TimeSpan.Zero || delivery.AttemptTimeout <= TimeSpan.Zero)
        {
            errors.Add("Referrals.Delivery.BatchSize, PollInterval and AttemptTimeout must be positive.");
        }

        // A lease shorter than one attempt would let a second dispatcher start the same delivery mid-attempt.
        if (delivery.Lease <= delivery.AttemptTimeout)
        {
            errors.Add("Referrals.Delivery.Lease must be longer than Referrals.Delivery.AttemptTimeout.");
        }

        if (options.Purge.Interval <= TimeSpan.Zero)
        {
            errors.Add("Referrals.Purge.Interval must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
