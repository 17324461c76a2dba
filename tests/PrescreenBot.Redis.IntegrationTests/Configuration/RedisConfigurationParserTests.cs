using PrescreenBot.Redis.Configuration;

namespace PrescreenBot.Redis.IntegrationTests.Configuration;

public sealed class RedisConfigurationParserTests
{
    [Fact]
    public void Parse_StackExchangeString_ReadsEveryOption()
    {
        var options = RedisConfigurationParser.Parse(
            "cache.example.org:6380,password=s3cret,user=bot,ssl=true,sslHost=redis.example.org,defaultDatabase=3,connectTimeout=1500,syncTimeout=750,healthCheckTimeout=2500,name=bot-1,abortConnect=false");

        options.Should().BeEquivalentTo(new
        {
            Host = "cache.example.org",
            Port = 6380,
            Password = "s3cret",
            User = "bot",
            Ssl = true,
            SslHost = "redis.example.org",
            Database = 3,
            ConnectTimeout = TimeSpan.FromMilliseconds(1500),
            CommandTimeout = TimeSpan.FromMilliseconds(750),
            HealthCheckTimeout = TimeSpan.FromMilliseconds(2500),
            ClientName = "bot-1",
        });
    }

    [Fact]
    public void Parse_HostOnly_UsesDefaults()
    {
        var options = RedisConfigurationParser.Parse("localhost");

        options.Port.Should().Be(6379);
        options.Ssl.Should().BeFalse();
        options.Database.Should().Be(0);
        options.CommandTimeout.Should().Be(RedisOptions.DefaultCommandTimeout);
        options.HealthCheckTimeout.Should().Be(RedisOptions.DefaultHealthCheckTimeout);
    }

    [Fact]
    public void Parse_BracketedIpv6_ReadsHostAndPort()
    {
        var options = RedisConfigurationParser.Parse("[::1]:6390");

        options.Host.Should().Be("::1");
        options.Port.Should().Be(6390);
        options.EndPoint.Should().Be("[::1]:6390");
    }

    [Fact]
    public void Parse_RedisUrlWithUserPasswordAndDatabase_ReadsAll()
    {
        var options = RedisConfigurationParser.Parse("redis://bot:p%40ss%3Aword@10.0.0.5:6390/2");

        options.Should().BeEquivalentTo(new { Host = "10.0.0.5", Port = 6390, User = "bot", Password = "p@ss:word", Database = 2, Ssl = false });
    }

    [Fact]
    public void Parse_RedissUrlPasswordOnly_EnablesTlsWithDefaultPort()
    {
        var options = RedisConfigurationParser.Parse("rediss://:secret@cache.example.org");

        options.Should().BeEquivalentTo(new { Host = "cache.example.org", Port = 6379, User = (string?)null, Password = "secret", Ssl = true });
    }

    [Fact]
    public void Parse_UrlWithQueryOptions_AppliesThem()
    {
        var options = RedisConfigurationParser.Parse("redis://localhost:6400?syncTimeout=250&name=probe");

        options.CommandTimeout.Should().Be(TimeSpan.FromMilliseconds(250));
        options.ClientName.Should().Be("probe");
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("localhost:notaport", "invalid port")]
    [InlineData("localhost:70000", "invalid port")]
    [InlineData("localhost,ssl=maybe", "expects true or false")]
    [InlineData("localhost,colour=blue", "Unknown Redis configuration option 'colour'")]
    [InlineData("a:1,b:2", "more than one endpoint")]
    [InlineData("password=x", "no endpoint")]
    [InlineData("localhost,connectTimeout=0", "positive")]
    [InlineData("localhost,healthCheckTimeout=0", "positive")]
    [InlineData("redis://localhost/abc", "not a database number")]
    [InlineData("localhost,user=bot", "without a password")]
    public void Parse_BadInput_ThrowsArgumentExceptionSayingWhy(string configuration, string expected)
    {
        var act = () => RedisConfigurationParser.Parse(configuration);

        act.Should().Throw<ArgumentException>().WithMessage($"*{expected}*");
    }

    [Fact]
    public void ToString_WithPassword_NeverShowsIt()
    {
        var options = RedisConfigurationParser.Parse("localhost,password=topsecret");

        options.ToString().Should().NotContain("topsecret").And.Contain("***");
    }
}
