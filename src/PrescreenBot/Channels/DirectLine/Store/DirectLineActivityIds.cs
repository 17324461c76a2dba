using System.Globalization;

namespace PrescreenBot.Channels.DirectLine.Store;

/// <summary>Activity ids in the shape Azure Bot Service uses (<c>conversation|0000042</c>) and watermark strings.</summary>
public static class DirectLineActivityIds
{
    public static string For(string conversationId, long watermark) =>
        string.Create(CultureInfo.InvariantCulture, $"{conversationId}|{watermark:D7}");

    public static string FormatWatermark(long watermark) => watermark.ToString(CultureInfo.InvariantCulture);

    /// <summary>Empty, missing or <c>null</c> (DirectLineJS starts with an empty string) means from the beginning.</summary>
    public static bool TryParseWatermark(string? value, out long watermark)
    {
        watermark = 0;
        if (string.IsNullOrWhiteSpace(value) || value is "null" or "undefined")
        {
            return true;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out watermark);
    }
}
