namespace PrescreenBot.Referrals.Sites;

/// <summary>The configuration root's <c>Sites</c> array, bound as a whole so it can be validated as a whole.</summary>
public sealed class SiteDirectoryOptions
{
    public List<SiteOptions> Sites { get; set; } = [];
}
