using System.Text.Json;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Testing;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.UnitTests.State;

/// <summary>
/// A save hands the storage the JSON it already made to see whether the state changed; these tests check that what the
/// storage then writes is exactly what serializing the document afresh would give.
/// </summary>
public sealed class PreparedStateJsonTests
{
    private sealed class Answers
    {
        public List<string> Given { get; init; } = [];

        public int Attempts { get; set; }
    }

    /// <summary>Serializes each written document as MemoryStorage does, next to a fresh document with the same contents.</summary>
    private sealed class ComparingStorage : IStorage
    {
        private readonly MemoryStorage _inner = new();

        public List<(string Written, string Fresh)> Writes { get; } = [];

        /// <summary>The next write fails, as a store that is down does.</summary>
        public bool FailNextWrite { get; set; }

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => _inner.ReadAsync(keys, cancellationToken);

        public Task<IDictionary<string, T>> ReadAsync<T>(string[] keys, CancellationToken cancellationToken = default) where T : class => _inner.ReadAsync<T>(keys, cancellationToken);

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            if (FailNextWrite)
            {
                FailNextWrite = false;
                throw new IOException("store down");
            }

            foreach (var value in changes.Values.OfType<BotStateDocument>())
            {
                var fresh = new BotStateDocument { ETag = value.ETag, State = value.State };
                Writes.Add((JsonSerializer.Serialize(value, BotJson.Options), JsonSerializer.Serialize(fresh, BotJson.Options)));
            }

            return _inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => _inner.DeleteAsync(keys, cancellationToken);
    }

    private static TurnContext NewTurn(TestAdapter adapter) => new(adapter, adapter.MakeActivity("hi"));

    [Fact]
    public async Task SaveChangesAsync_NewThenChangedThenCleared_WritesWhatAFreshSerializationWrites()
    {
        var storage = new ComparingStorage();
        var state = new ConversationState(storage);
        var answers = state.CreateProperty<Answers>("answers");
        var note = state.CreateProperty<string>("note");
        var adapter = new TestAdapter();

        var first = NewTurn(adapter);
        (await answers.GetAsync(first, () => new Answers()))!.Given.Add("是的 \"quoted\" <b>");
        await state.SaveChangesAsync(first);
        var second = NewTurn(adapter);
        (await answers.GetAsync(second))!.Attempts = 2;
        await note.SetAsync(second, "line\nbreak");
        await new BotStateSet(state).SaveAllChangesAsync(second);
        var third = NewTurn(adapter);
        await state.ClearStateAsync(third);
        await state.SaveChangesAsync(third);

        storage.Writes.Should().HaveCount(3);
        storage.Writes.Should().AllSatisfy(write => write.Written.Should().Be(write.Fresh));
        storage.Writes[1].Written.Should().StartWith("{\"eTag\":\"1\",");
        storage.Writes[2].Written.Should().Be("{\"eTag\":\"2\"}");
    }

    [Fact]
    public async Task SaveChangesAsync_ChangedAfterAFailedWrite_WritesTheNewContents()
    {
        var storage = new ComparingStorage();
        var state = new ConversationState(storage);
        var note = state.CreateProperty<string>("note");
        var turn = NewTurn(new TestAdapter());
        await note.SetAsync(turn, "first");
        storage.FailNextWrite = true;

        var failed = () => state.SaveChangesAsync(turn);
        await failed.Should().ThrowAsync<IOException>();
        await note.SetAsync(turn, "second");
        await state.SaveChangesAsync(turn);

        storage.Writes.Should().ContainSingle().Which.Written.Should().Be(storage.Writes[0].Fresh).And.Contain("second");
    }
}
