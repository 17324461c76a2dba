using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Testing;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.UnitTests.State;

public sealed class BotStateTests
{
    private sealed record Profile(string Name, int Age);

    private sealed class CountingStorage(IStorage inner) : IStorage
    {
        public int Writes { get; private set; }

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => inner.ReadAsync(keys, cancellationToken);

        public Task<IDictionary<string, T>> ReadAsync<T>(string[] keys, CancellationToken cancellationToken = default) where T : class => inner.ReadAsync<T>(keys, cancellationToken);

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            Writes++;
            return inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
    }

    private static TurnContext NewTurn(TestAdapter adapter, string text = "hi")
    {
        var activity = adapter.MakeActivity(text);
        return new TurnContext(adapter, activity);
    }

    [Fact]
    public void GetStorageKey_ConversationAndUser_FollowBotBuilderLayout()
    {
        var adapter = new TestAdapter();
        var turn = NewTurn(adapter);

        new ConversationState(new MemoryStorage()).GetStorageKey(turn).Should().Be("test/conversations/Convo1");
        new UserState(new MemoryStorage()).GetStorageKey(turn).Should().Be("test/users/user1");
    }

    [Fact]
    public void GetStorageKey_NoConversationId_ThrowsClearError()
    {
        var turn = new TurnContext(new TestAdapter(), new Activity { Type = ActivityTypes.Message, ChannelId = "test" });

        var key = () => new ConversationState(new MemoryStorage()).GetStorageKey(turn);

        key.Should().Throw<InvalidOperationException>().WithMessage("*conversation.id*");
    }

    [Fact]
    public async Task Accessor_ValueSavedInOneTurn_ReadTypedInNext()
    {
        var adapter = new TestAdapter();
        var state = new UserState(new MemoryStorage());
        var profile = state.CreateProperty<Profile>("profile");

        var first = NewTurn(adapter);
        await profile.SetAsync(first, new Profile("Pat", 34));
        await state.SaveChangesAsync(first);

        var second = NewTurn(adapter);
        (await profile.GetAsync(second)).Should().Be(new Profile("Pat", 34));
    }

    [Fact]
    public async Task Accessor_Missing_UsesDefaultFactoryAndKeepsIt()
    {
        var state = new ConversationState(new MemoryStorage());
        var counter = state.CreateProperty<List<int>>("counter");
        var turn = NewTurn(new TestAdapter());

        var created = await counter.GetAsync(turn, () => [1]);
        created!.Add(2);

        (await counter.GetAsync(turn)).Should().Equal(1, 2);
        (await state.CreateProperty<string>("absent").GetAsync(turn)).Should().BeNull();
    }

    [Fact]
    public async Task SaveChangesAsync_Unchanged_DoesNotWrite()
    {
        var storage = new CountingStorage(new MemoryStorage());
        var state = new ConversationState(storage);
        var name = state.CreateProperty<string>("name");
        var adapter = new TestAdapter();
        var first = NewTurn(adapter);
        await name.SetAsync(first, "x");
        await state.SaveChangesAsync(first);

        var second = NewTurn(adapter);
        (await name.GetAsync(second)).Should().Be("x");
        await state.SaveChangesAsync(second);

        storage.Writes.Should().Be(1);
        await state.SaveChangesAsync(second, force: true);
        storage.Writes.Should().Be(2);
    }

    [Fact]
    public async Task SaveChangesAsync_TwoTurnsRace_SecondSaveThrowsEtagException()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var answers = state.CreateProperty<List<string>>("answers");
        var adapter = new TestAdapter();
        var setup = NewTurn(adapter);
        await answers.SetAsync(setup, []);
        await state.SaveChangesAsync(setup);

        var turnA = NewTurn(adapter, "a");
        var turnB = NewTurn(adapter, "b");
        (await answers.GetAsync(turnA))!.Add("a");
        (await answers.GetAsync(turnB))!.Add("b");
        await state.SaveChangesAsync(turnA);
        var saveB = () => state.SaveChangesAsync(turnB);

        await saveB.Should().ThrowAsync<EtagException>();
        var check = NewTurn(adapter);
        (await answers.GetAsync(check)).Should().Equal("a");
    }

    [Fact]
    public async Task SaveChangesAsync_TwoTurnsCreateTheSameConversation_SecondSaveThrowsEtagException()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var answers = state.CreateProperty<List<string>>("answers");
        var adapter = new TestAdapter();
        var turnA = NewTurn(adapter, "a");
        var turnB = NewTurn(adapter, "b");
        (await answers.GetAsync(turnA, () => []))!.Add("a");
        (await answers.GetAsync(turnB, () => []))!.Add("b");
        await state.SaveChangesAsync(turnA);
        var saveB = () => state.SaveChangesAsync(turnB);

        await saveB.Should().ThrowAsync<EtagException>();
        (await answers.GetAsync(NewTurn(adapter))).Should().Equal("a");
    }

    [Fact]
    public async Task SaveChangesAsync_ConsecutiveSavesInOneTurn_KeepTheirETag()
    {
        var state = new ConversationState(new MemoryStorage());
        var value = state.CreateProperty<int>("n");
        var turn = NewTurn(new TestAdapter());

        await value.SetAsync(turn, 1);
        await state.SaveChangesAsync(turn);
        var firstETag = state.GetETag(turn);
        await value.SetAsync(turn, 2);
        await state.SaveChangesAsync(turn);

        state.GetETag(turn).Should().NotBe(firstETag);
    }

    [Fact]
    public async Task DeleteAsync_RemovesStoredState()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var turn = NewTurn(new TestAdapter());
        await state.CreateProperty<int>("n").SetAsync(turn, 5);
        await state.SaveChangesAsync(turn);

        await state.DeleteAsync(turn);

        storage.Count.Should().Be(0);
        (await state.CreateProperty<int>("n").GetAsync(NewTurn(new TestAdapter()))).Should().Be(0);
    }

    [Fact]
    public async Task ClearStateAsync_ThenSave_StoresEmptyState()
    {
        var state = new ConversationState(new MemoryStorage());
        var adapter = new TestAdapter();
        var turn = NewTurn(adapter);
        await state.CreateProperty<int>("n").SetAsync(turn, 5);
        await state.SaveChangesAsync(turn);

        var next = NewTurn(adapter);
        await state.ClearStateAsync(next);
        await state.SaveChangesAsync(next);

        (await state.CreateProperty<int>("n").GetAsync(NewTurn(adapter))).Should().Be(0);
    }
}
