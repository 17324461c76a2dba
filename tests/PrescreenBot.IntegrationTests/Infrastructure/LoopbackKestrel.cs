namespace PrescreenBot.IntegrationTests.Infrastructure;

/// <summary>
/// How every test host gets its real Kestrel port. Not with <c>WebApplicationFactory.UseKestrel(port)</c>: for a
/// minimal-hosting <c>Program</c> the entry point goes on to <c>app.Run()</c> on its own thread as soon as the host is built,
/// while the factory, on the test thread, rewrites the server's addresses for that port afterwards. On a loaded machine
/// Kestrel sometimes started first and the rewrite threw "IServerAddressesFeature.Addresses cannot be modified after the
/// server has started", failing whichever test started that host (e.g. the first test of a class fixture). The address is
/// given instead as the app's own <c>urls</c> setting, which Kestrel reads when it starts, and the factory is told
/// <c>UseKestrel()</c> without a port, so it never touches the addresses.
/// </summary>
internal static class LoopbackKestrel
{
    /// <summary>Loopback only, port 0: the OS picks a free port at bind time, so parallel hosts never race for one.</summary>
    public const string Urls = "http://127.0.0.1:0";

    /// <summary>The configuration key Kestrel reads its addresses from (<c>WebHostDefaults.ServerUrlsKey</c>).</summary>
    public const string UrlsKey = "urls";
}
