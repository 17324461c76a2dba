namespace PrescreenBot.Bot.Schema;

/// <summary>Well-known values of <see cref="Activity.ChannelId"/>.</summary>
public static class Channels
{
    public const string Msteams = "msteams";
    public const string Webchat = "webchat";
    public const string Directline = "directline";
    public const string Emulator = "emulator";
    public const string Console = "console";
    public const string Test = "test";
}
