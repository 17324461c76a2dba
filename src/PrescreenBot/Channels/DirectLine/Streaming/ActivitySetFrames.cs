using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Channels.DirectLine.Store;
using PrescreenBot.Channels.DirectLine.Wire;

namespace PrescreenBot.Channels.DirectLine.Streaming;

/// <summary>
/// Writes ActivitySet frames for one stream into one reused buffer: a frame is serialized once, straight to UTF-8, and
/// no byte array is allocated per frame. Not thread-safe: one stream's pump sends one frame at a time.
/// </summary>
internal sealed class ActivitySetFrames : IDisposable
{
    /// <summary>A frame holding one turn's replies is a few KB; the buffer grows past this when needed and stays grown.</summary>
    private const int InitialBufferBytes = 8 * 1024;

    private readonly ArrayBufferWriter<byte> _buffer = new(InitialBufferBytes);
    private readonly List<Activity> _activities = [];
    private readonly Utf8JsonWriter _writer;

    public ActivitySetFrames()
    {
        // The writer's options decide escaping and indentation (the serializer's own are ignored for a given writer).
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions
        {
            Encoder = BotJson.Options.Encoder,
            Indented = BotJson.Options.WriteIndented,
            MaxDepth = BotJson.Options.MaxDepth,
        });
    }

    /// <summary>Sends <paramref name="activities"/> (oldest first) as one frame; returns the last one's watermark.</summary>
    public async Task<long> SendAsync(WebSocket socket, IReadOnlyList<StoredActivity> activities, CancellationToken cancellationToken)
    {
        var last = activities[^1].Watermark;
        _activities.Clear();
        foreach (var stored in activities)
        {
            _activities.Add(stored.Activity);
        }

        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        JsonSerializer.Serialize(_writer, new ActivitySetResponse(_activities, DirectLineActivityIds.FormatWatermark(last)), BotJson.Options);
        _writer.Flush();
        _activities.Clear();
        await socket.SendAsync(_buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        return last;
    }

    public void Dispose() => _writer.Dispose();
}
