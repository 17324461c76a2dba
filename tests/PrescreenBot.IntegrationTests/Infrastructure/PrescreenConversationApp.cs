namespace PrescreenBot.IntegrationTests.Infrastructure;

/// <summary>The real host with the real pre-screen conversation (not the echo bot), with settings per test.</summary>
public sealed class PrescreenConversationApp(IReadOnlyDictionary<string, string?> settings) : PrescreenBotApp(settings)
{
    protected override bool UseRealBot => true;
}
