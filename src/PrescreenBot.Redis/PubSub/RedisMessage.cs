using System.Text;

namespace PrescreenBot.Redis.PubSub;

/// <summary>One published message. <see cref="Pattern"/> is set when it arrived through PSUBSCRIBE.</summary>
public sealed record RedisMessage(string Channel, ReadOnlyMemory<byte> Payload, string? Pattern = null)
{
    /// <summary>The payload as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Payload.Span);
}
