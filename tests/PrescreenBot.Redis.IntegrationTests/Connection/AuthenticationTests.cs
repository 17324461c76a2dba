using PrescreenBot.Redis.Configuration;
using PrescreenBot.Redis.IntegrationTests.Fixtures;

namespace PrescreenBot.Redis.IntegrationTests.Connection;

/// <summary>A server whose default user is switched off and whose only user is an ACL user.</summary>
public sealed class AclServerFixture : IAsyncLifetime
{
    public const string User = "prescreen";
    public const string Password = "wonder;land=1";

    public RedisServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RedisServer.StartAsync(
        "--user", "default", "off", "--user", User, "on", ">" + Password, "~*", "&*", "+@all");

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

public sealed class AuthenticationTests(AclServerFixture fixture) : IClassFixture<AclServerFixture>
{
    [Fact]
    public async Task Connect_AclUserAndPassword_AuthenticatesAsThatUser()
    {
        await using var client = new RedisClient(new RedisOptions
        {
            Host = "127.0.0.1",
            Port = fixture.Server.Port,
            User = AclServerFixture.User,
            Password = AclServerFixture.Password,
        });
        await client.WaitUntilConnectedAsync(Eventually.DefaultLimit);

        (await client.ExecuteAsync("ACL", "WHOAMI")).ToString().Should().Be(AclServerFixture.User);
    }

    [Fact]
    public async Task Connect_UrlWithUserAndPassword_Authenticates()
    {
        var url = $"redis://{AclServerFixture.User}:{Uri.EscapeDataString(AclServerFixture.Password)}@127.0.0.1:{fixture.Server.Port}";
        await using var client = new RedisClient(url);
        await client.WaitUntilConnectedAsync(Eventually.DefaultLimit);

        (await client.ExecuteAsync("ACL", "WHOAMI")).ToString().Should().Be(AclServerFixture.User);
    }

    [Fact]
    public async Task Connect_WrongPassword_CommandsFailWithConnectionExceptionNamingWrongpass()
    {
        await using var client = new RedisClient(new RedisOptions
        {
            Host = "127.0.0.1",
            Port = fixture.Server.Port,
            User = AclServerFixture.User,
            Password = "not-the-password",
        });

        var act = () => client.PingAsync();

        var failure = await act.Should().ThrowAsync<RedisConnectionException>();
        failure.Which.Message.Should().Contain("WRONGPASS").And.NotContain("not-the-password");
    }

    [Fact]
    public async Task Connect_NoCredentialsWhereRequired_FailsAtHandshake()
    {
        await using var client = new RedisClient($"127.0.0.1:{fixture.Server.Port}");

        var act = () => client.PingAsync();

        (await act.Should().ThrowAsync<RedisConnectionException>()).Which.Message.Should().Contain("NOAUTH");
    }
}
