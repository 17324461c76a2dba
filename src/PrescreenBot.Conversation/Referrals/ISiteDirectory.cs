namespace PrescreenBot.Conversation.Referrals;

/// <summary>The configured study sites (appsettings <c>Sites</c>), as the conversation needs them to pick one.</summary>
public interface ISiteDirectory
{
    IReadOnlyList<StudySite> SitesForTrial(string trialId);
}

public sealed record StudySite(string Id, string Name, string City, string Country, IReadOnlyList<string> Trials);
