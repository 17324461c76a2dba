using System.Runtime.CompilerServices;

namespace PrescreenBot.IntegrationTests.Infrastructure;

/// <summary>
/// Settings for every host this test process starts. Each ASP.NET Core host watches its appsettings files for changes
/// by default, and every watcher costs an inotify instance; Linux allows 128 per user, shared with every other
/// process of that user, so dozens of parallel test hosts can exhaust them and fail to start. Tests never edit
/// configuration files while running, so the watchers are switched off for the whole process.
/// </summary>
internal static class TestProcessSettings
{
#pragma warning disable CA2255 // Must run before any test class builds a host; a module initializer is the only hook that early.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Apply() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
