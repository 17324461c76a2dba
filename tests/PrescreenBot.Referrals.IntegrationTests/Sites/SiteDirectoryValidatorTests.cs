using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrescreenBot.Conversation.Referrals;
using PrescreenBot.Referrals.Delivery.Email;
using PrescreenBot.Referrals.IntegrationTests.Infrastructure;
using PrescreenBot.Referrals.Sites;

namespace PrescreenBot.Referrals.IntegrationTests.Sites;

public sealed class SiteDirectoryValidatorTests
{
    [Fact]
    public void Validate_BrokenSites_ReportsEveryProblemWithSiteAndField()
    {
        var options = Bind(new Dictionary<string, string?>
        {
            ["Sites:0:Id"] = "wuhan-union",
            ["Sites:0:Name"] = "Wuhan Union Hospital",
            ["Sites:0:City"] = "Wuhan",
            ["Sites:0:Country"] = "China",
            ["Sites:0:Trials:0"] = "NCT07339332",
            ["Sites:0:Delivery:Email:0"] = "coordinator at example.org",
            ["Sites:0:Delivery:Webhook:Url"] = "https://site.example/referrals",
            ["Sites:0:Delivery:Webhook:Secret"] = "too-short",
            ["Sites:1:Id"] = "wuhan-union",
            ["Sites:1:Name"] = "Duplicate",
            ["Sites:1:City"] = "Wuhan",
            ["Sites:1:Country"] = "China",
            ["Sites:1:Trials:0"] = "NCT07339332",
        });

        var result = new SiteDirectoryValidator(Options.Create(new SmtpOptions { From = "not an address" })).Validate(null, options);

        result.Failed.Should().BeTrue();
        result.Failures.Should().BeEquivalentTo(
        [
            "Sites[0] ('wuhan-union').Delivery.Email[0] is not a well-formed e-mail address.",
            "Sites[0] ('wuhan-union').Delivery.Webhook.Secret is unusable: the secret is 9 bytes; at least 24 are required.",
            "Sites[1] ('wuhan-union').Id is used by more than one site.",
            "Sites[1] ('wuhan-union').Delivery needs at least one channel: Email, Webhook or Teams.",
            "Smtp.From must be a well-formed e-mail address.",
        ]);
    }

    [Fact]
    public void AddReferrals_InvalidDirectory_FailsAtStartWithTheMessages()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sites:0:Id"] = "site-without-anything",
        }).Build();
        using var provider = new ServiceCollection().AddNullLogging().AddReferrals(configuration).BuildServiceProvider();

        var validate = () => provider.GetRequiredService<IStartupValidator>().Validate();

        validate.Should().Throw<OptionsValidationException>()
            .Which.Failures.Should().Contain("Sites[0] ('site-without-anything').Name is required.")
            .And.Contain("Sites[0] ('site-without-anything').Trials must list at least one trial id, none blank.");
    }

    [Fact]
    public void AddReferrals_LeaseNotLongerThanAttemptTimeout_FailsAtStart()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Referrals:Delivery:Lease"] = "00:00:30",
            ["Referrals:Delivery:AttemptTimeout"] = "00:00:30",
            ["Referrals:PublicBaseUrl"] = "portal",
        }).Build();
        using var provider = new ServiceCollection().AddNullLogging().AddReferrals(configuration).BuildServiceProvider();

        var validate = () => provider.GetRequiredService<IStartupValidator>().Validate();

        validate.Should().Throw<OptionsValidationException>().Which.Failures.Should().BeEquivalentTo(
        [
            "Referrals.PublicBaseUrl must be an absolute http(s) URL.",
            "Referrals.Delivery.Lease must be longer than Referrals.Delivery.AttemptTimeout.",
        ]);
    }

    [Fact]
    public void ShippedAppsettings_SampleDirectory_ValidatesAndCoversEveryCheckedInTrial()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "shipped-appsettings.json"), optional: false)
            .Build();
        using var provider = new ServiceCollection().AddNullLogging().AddReferrals(configuration).BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        var directory = provider.GetRequiredService<ISiteDirectory>();
        var trials = CheckedInTrialIds();
        trials.Should().HaveCountGreaterThanOrEqualTo(5, "the five seed trials have question sets in dialogs/");
        foreach (var trial in trials)
        {
            directory.SitesForTrial(trial).Should().NotBeEmpty($"the sample directory should have a site for {trial}");
        }

        var sites = provider.GetRequiredService<IOptions<SiteDirectoryOptions>>().Value.Sites;
        sites.SelectMany(site => site.Delivery.Email.Concat(site.Contacts.Select(contact => contact.Email ?? "")))
            .Should().OnlyContain(address => address.EndsWith("@example.org", StringComparison.Ordinal), "sample addresses are placeholders");
        sites.Should().OnlyContain(site => site.Delivery.Webhook == null && site.Delivery.Teams == null);
    }

    [Fact]
    public void SitesForTrial_TrialIdInAnyCase_ReturnsTheSitesRunningIt()
    {
        var options = Options.Create(Bind(new Dictionary<string, string?>
        {
            ["Sites:0:Id"] = "a", ["Sites:0:Name"] = "A", ["Sites:0:City"] = "Wuhan", ["Sites:0:Country"] = "China", ["Sites:0:Trials:0"] = "NCT1",
            ["Sites:1:Id"] = "b", ["Sites:1:Name"] = "B", ["Sites:1:City"] = "Hangzhou", ["Sites:1:Country"] = "China", ["Sites:1:Trials:0"] = "NCT2",
        }));

        var sites = new ConfiguredSiteDirectory(options).SitesForTrial("nct1");

        sites.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Id = "a", Name = "A", City = "Wuhan", Country = "China" });
    }

    /// <summary>The ids of the question sets in the repository's dialogs/ folder (file name = trial id).</summary>
    private static List<string> CheckedInTrialIds()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PrescreenBot.sln")))
        {
            folder = folder.Parent;
        }

        folder.Should().NotBeNull("the tests run inside the repository");
        return Directory.GetFiles(Path.Combine(folder!.FullName, "dialogs"), "*.yaml").Select(Path.GetFileNameWithoutExtension).ToList()!;
    }

    private static SiteDirectoryOptions Bind(Dictionary<string, string?> values)
    {
        var options = new SiteDirectoryOptions();
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().Bind(options);
        return options;
    }
}
