using System.Text;

namespace PrescreenBot.Redis.Storage;

/// <summary>
/// The stored form of one state item: <c>&lt;etag&gt;\n&lt;json&gt;</c>. The ETag up front lets the Lua script compare
/// versions with a prefix check instead of parsing JSON; the JSON itself also carries the ETag for IStoreItem values.
/// </summary>
internal static class StoredDocument
{
    public const byte Separator = (byte)'\n';

    public static byte[] Compose(string etag, ReadOnlySpan<byte> json)
    {
        var etagLength = Encoding.UTF8.GetByteCount(etag);
        var buffer = GC.AllocateUninitializedArray<byte>(etagLength + 1 + json.Length);
        Encoding.UTF8.GetBytes(etag, buffer);
        buffer[etagLength] = Separator;
        json.CopyTo(buffer.AsSpan(etagLength + 1));
        return buffer;
    }

    public static (string ETag, ReadOnlyMemory<byte> Json) Split(string key, byte[] stored)
    {
        var at = Array.IndexOf(stored, Separator);
        if (at <= 0)
        {
            throw new InvalidDataException(
                $"The Redis value for storage key '{key}' is not in RedisStorage's format (ETag line, then JSON); it was left untouched.");
        }

        return (Encoding.UTF8.GetString(stored, 0, at), stored.AsMemory(at + 1));
    }
}
