using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PrescreenBot.Redis.Configuration;
using PrescreenBot.Redis.IntegrationTests.Fixtures;

namespace PrescreenBot.Redis.IntegrationTests.Connection;

/// <summary>A server with a TLS port and a freshly made self-signed certificate for "localhost".</summary>
public sealed class TlsServerFixture : IAsyncLifetime
{
    private string? _folder;

    public RedisServer Server { get; private set; } = null!;

    public int TlsPort { get; private set; }

    public string Thumbprint { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var folder = _folder = Directory.CreateTempSubdirectory("prescreenbot-redis-tls-").FullName;
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Thumbprint = certificate.Thumbprint;
        var certificatePath = Path.Combine(folder, "redis.crt");
        var keyPath = Path.Combine(folder, "redis.key");
        await File.WriteAllTextAsync(certificatePath, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem());
        TlsPort = RedisServer.ReservePort();
        Server = await RedisServer.StartAsync(
            "--tls-port", TlsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tls-cert-file", certificatePath,
            "--tls-key-file", keyPath,
            "--tls-auth-clients", "no");
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true); // the private key must not outlive the tests
        }
    }
}

public sealed class TlsTests(TlsServerFixture fixture) : IClassFixture<TlsServerFixture>
{
    [Fact]
    public async Task Connect_SslWithPinnedCertificate_RoundTripsLargeValues()
    {
        await using var client = new RedisClient(new RedisOptions
        {
            Host = "127.0.0.1",
            Port = fixture.TlsPort,
            Ssl = true,
            SslHost = "localhost",
            CertificateValidation = (_, certificate, _, _) =>
                certificate is not null && certificate.GetCertHashString() == fixture.Thumbprint,
        });
        await client.WaitUntilConnectedAsync(Eventually.DefaultLimit);
        var key = RedisServerFixture.UniqueKey("tls");
        var value = new byte[300_000];
        Random.Shared.NextBytes(value);

        await client.SetAsync(key, value);

        (await client.GetAsync(key)).Should().Equal(value);
        (await client.InfoAsync("server")).Should().Contain($"tcp_port:{fixture.Server.Port}");
    }

    [Fact]
    public async Task Connect_SslWithUntrustedCertificate_FailsWithConnectionException()
    {
        await using var client = new RedisClient($"rediss://127.0.0.1:{fixture.TlsPort}?sslHost=localhost&connectTimeout=3000");

        var act = () => client.PingAsync();

        await act.Should().ThrowAsync<RedisConnectionException>();
        client.LastError.Should().BeAssignableTo<System.Security.Authentication.AuthenticationException>();
    }
}
