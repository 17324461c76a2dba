using PrescreenBot.Conversation.Handoff;
using PrescreenBot.Conversation.Referrals;
using PrescreenBot.Trials;

namespace PrescreenBot.Conversation.UnitTests.Handoff;

public sealed class SiteChooserTests
{
    private static readonly StudySite Wuhan = new("wuhan-union", "Wuhan Union Hospital", "Wuhan", "China", ["T"]);
    private static readonly StudySite Hangzhou = new("zju-children", "Children's Hospital, Zhejiang University", "Hangzhou", "China", ["T"]);
    private static readonly StudySite Boston = new("boston", "Boston Site", "Boston", "United States", ["T"]);

    [Fact]
    public void Nearest_SiteInPatientsCity_IsTheOnlyChoice()
    {
        SiteChooser.Nearest([Hangzhou, Wuhan, Boston], "武汉", "中国").Should().Equal(Wuhan);
    }

    [Fact]
    public void Nearest_SitesOnlyInPatientsCountry_AreAllOffered()
    {
        SiteChooser.Nearest([Boston, Wuhan, Hangzhou], "Shanghai", "China").Should().Equal(Wuhan, Hangzhou);
    }

    [Fact]
    public void Nearest_NoLocationGiven_OffersEverySite()
    {
        SiteChooser.Nearest([Wuhan, Boston], null, null).Should().Equal(Wuhan, Boston);
    }

    [Fact]
    public void Nearest_NoSiteConfigured_IsEmpty()
    {
        SiteChooser.Nearest([], "Wuhan", "China").Should().BeEmpty();
    }

    [Fact]
    public void Recruiting_SiteTheRecordSaysIsClosed_IsLeftOut()
    {
        var trial = new Trial
        {
            Id = "T",
            Title = "t",
            Sites = [new Site { Name = "Boston", City = "Boston", Status = TrialStatuses.Completed }, new Site { Name = "Wuhan", City = "Wuhan" }],
        };

        SiteChooser.Recruiting([Wuhan, Boston], trial).Should().Equal(Wuhan);
        SiteChooser.Recruiting([Boston], trial).Should().ContainSingle().Which.Should().Be(Boston, "an empty list would lose the lead; the site can say no");
    }
}
