using PrescreenBot.Referrals.IntegrationTests.Infrastructure;
using PrescreenBot.Referrals.Storage;

namespace PrescreenBot.Referrals.IntegrationTests.Referrals;

/// <summary>The portal's reads: scoped to a coordinator's sites in the query itself.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ReferralStoreSiteScopeTests(InfrastructureFixture infrastructure)
{
    private static readonly TestSite SiteA = new() { Id = "site-a", Emails = ["a@site.example"] };
    private static readonly TestSite SiteB = new() { Id = "site-b", Emails = ["b@site.example"] };
    private static readonly TestSite SiteC = new() { Id = "site-c", Emails = ["c@site.example"] };

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListForSitesAsync_ReferralsOfSeveralSites_OnlyTheGivenSitesNewestFirst(DatabaseProvider provider)
    {
        var time = new ManualTimeProvider();
        await using var app = await ReferralsApp.StartAsync(await infrastructure.CreateDatabaseAsync(provider), [SiteA, SiteB, SiteC], time);
        var a1 = (await app.Referrals.CreateAsync(TestReferrals.Request(siteId: SiteA.Id))).ReferralId;
        time.Advance(TimeSpan.FromMinutes(1));
        var b1 = (await app.Referrals.CreateAsync(TestReferrals.Request(siteId: SiteB.Id))).ReferralId;
        time.Advance(TimeSpan.FromMinutes(1));
        await app.Referrals.CreateAsync(TestReferrals.Request(siteId: SiteC.Id));
        time.Advance(TimeSpan.FromMinutes(1));
        var a2 = (await app.Referrals.CreateAsync(TestReferrals.Request(siteId: SiteA.Id))).ReferralId;

        var listed = await app.Store.ListForSitesAsync([SiteA.Id, SiteB.Id], limit: 10);

        listed.Select(referral => referral.Id).Should().Equal(a2, b1, a1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListForSitesAsync_MoreThanTheLimit_ReturnsTheNewestUpToTheLimit(DatabaseProvider provider)
    {
        var time = new ManualTimeProvider();
        await using var app = await ReferralsApp.StartAsync(await infrastructure.CreateDatabaseAsync(provider), [SiteA], time);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await app.Referrals.CreateAsync(TestReferrals.Request(siteId: SiteA.Id))).ReferralId);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var listed = await app.Store.ListForSitesAsync([SiteA.Id], limit: 2);

        listed.Select(referral => referral.Id).Should().Equal(ids[2], ids[1]);
    }

    [Fact]
    public async Task ListForSitesAsync_NoSites_ReturnsNothing()
    {
        await using var app = await ReferralsApp.StartAsync(await infrastructure.CreateDatabaseAsync(DatabaseProvider.Sqlite), [SiteA], new ManualTimeProvider());
        await app.Referrals.CreateAsync(TestReferrals.Request(siteId: SiteA.Id));

        (await app.Store.ListForSitesAsync([], limit: 10)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task FindForSitesAsync_ReferralOfAnotherSite_IsNotFound(DatabaseProvider provider)
    {
        await using var app = await ReferralsApp.StartAsync(await infrastructure.CreateDatabaseAsync(provider), [SiteA, SiteB], new ManualTimeProvider());
        var ofB = (await app.Referrals.CreateAsync(TestReferrals.Request(siteId: SiteB.Id))).ReferralId;

        (await app.Store.FindForSitesAsync(ofB, [SiteA.Id])).Should().BeNull();
        (await app.Store.FindForSitesAsync(ofB, [])).Should().BeNull();
        var found = await app.Store.FindForSitesAsync(ofB, [SiteA.Id, SiteB.Id]);
        found!.Id.Should().Be(ofB);
        found.Contact.Name.Should().Be(TestReferrals.PatientName);
        found.Answers.Should().ContainSingle().Which.CriterionText.Should().Be(TestReferrals.SecretCriterion);
    }
}
