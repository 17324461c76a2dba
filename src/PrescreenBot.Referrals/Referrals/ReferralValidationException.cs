namespace PrescreenBot.Referrals.Referrals;

/// <summary>
/// A referral request that cannot be stored as it is. The message names the fields, never their values (PHI);
/// nothing was written.
/// </summary>
public sealed class ReferralValidationException(IReadOnlyList<string> errors)
    : ArgumentException("The referral request is invalid: " + string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
