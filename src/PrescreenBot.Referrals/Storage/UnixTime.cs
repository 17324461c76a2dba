namespace PrescreenBot.Referrals.Storage;

/// <summary>Timestamps are stored as Unix milliseconds (UTC) in both databases.</summary>
internal static class UnixTime
{
    public static long ToMs(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}
