using PrescreenBot.Hosting;

namespace PrescreenBot.IntegrationTests.Hosting;

public sealed class RepositoryLayoutTests
{
    [Fact]
    public void Locate_FromInsideCheckout_FindsRootWithSolutionAndRootAppSettings()
    {
        var layout = RepositoryLayout.Locate(AppContext.BaseDirectory);

        File.Exists(Path.Combine(layout.RootDirectory, RepositoryLayout.RootMarker)).Should().BeTrue();
        File.Exists(Path.Combine(layout.RootDirectory, "appsettings.json")).Should().BeTrue();
        layout.DialogsDirectory.Should().Be(Path.Combine(layout.RootDirectory, "dialogs"));
    }

    [Fact]
    public void Locate_OutsideAnyCheckout_FallsBackToStartDirectory()
    {
        var outside = Directory.CreateTempSubdirectory("no-checkout-").FullName;

        var layout = RepositoryLayout.Locate(outside);

        layout.RootDirectory.Should().Be(outside);
    }
}
