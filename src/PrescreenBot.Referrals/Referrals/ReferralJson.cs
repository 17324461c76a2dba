using System.Text.Json;

namespace PrescreenBot.Referrals.Referrals;

/// <summary>One JSON shape for the answers and flags columns.</summary>
internal static class ReferralJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
