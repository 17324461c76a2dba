using System.Text.Json;
using PrescreenBot.Bot.State;

namespace PrescreenBot.Bot.UnitTests.State;

public sealed class StateValuesTests
{
    [Fact]
    public void Get_JsonElement_ConvertsAndCachesTypedValue()
    {
        var bag = new Dictionary<string, object?> { ["age"] = JsonSerializer.SerializeToElement(42) };

        bag.Get<int>("age").Should().Be(42);

        bag["age"].Should().Be(42);
    }

    [Fact]
    public void GetOrDefault_MissingOrNull_ReturnsDefault()
    {
        var bag = new Dictionary<string, object?> { ["n"] = null };

        bag.GetOrDefault("n", 7).Should().Be(7);
        bag.GetOrDefault("missing", "x").Should().Be("x");
    }

    [Fact]
    public void Get_BoxedLongAskedAsInt_Converts()
    {
        var bag = new Dictionary<string, object?> { ["n"] = 5L };

        bag.Get<int>("n").Should().Be(5);
    }

    [Fact]
    public void Get_Missing_ThrowsKeyNotFound()
    {
        var get = () => new Dictionary<string, object?>().Get<int>("x");

        get.Should().Throw<KeyNotFoundException>().WithMessage("*'x'*");
    }
}
