using PrescreenBot.Bot.Schema;
using PrescreenBot.Conversation.Handoff;
using PrescreenBot.Conversation.Referrals;
using PrescreenBot.Conversation.UnitTests.Personas;
using PrescreenBot.Conversation.UnitTests.Support;

namespace PrescreenBot.Conversation.UnitTests.Handoff;

public sealed class ReferralStepTests
{
    [Fact]
    public async Task ReferralStep_ConsentedLead_CreatesTheReferralAndSendsTheEvent()
    {
        var bot = await ScreenedLupusWomanAsync();
        await bot.SayAsync(SeedDialogs.LupusWuhan);
        bot.CurrentStep.Should().Be("share:" + SeedDialogs.LupusWuhan);

        var siteReplies = await bot.SayAsync("yes");
        bot.AllText(siteReplies).Should().Contain("The nearest study site for you is Wuhan Union Hospital in Wuhan.");
        bot.CurrentStep.Should().Be("handoff:name");
        await bot.SayAsync("Ana Li");
        await bot.SayAsync("+86 138 0013 8000");
        await bot.SayAsync("skip");
        await bot.SayAsync("Morning");
        await bot.SayAsync("English");
        bot.LastQuestion!.Text.Should().Contain("Name: Ana Li").And.Contain("Phone: +8613800138000").And.Contain("Email: (none)").And.Contain("Best time: Morning");

        var done = await bot.SayAsync("yes");

        var request = bot.Referrals.Requests.Should().ContainSingle().Subject;
        request.TrialId.Should().Be(SeedDialogs.LupusWuhan);
        request.SiteId.Should().Be("wuhan-union");
        request.Verdict.Should().Be("likelyEligible");
        request.Contact.Should().BeEquivalentTo(new PatientContact { Name = "Ana Li", Phone = "+8613800138000", BestTime = "morning", PreferredLanguage = "en" });
        request.IdempotencyKey.Should().Be(ReferralRequestBuilder.IdempotencyKey("test", "Convo1", SeedDialogs.LupusWuhan));
        request.Answers.Should().Contain(a => a.CriterionId == "age" && a.Answer == "34 years");
        request.Answers.Should().OnlyContain(a => a.CriterionText.Length > 0 && a.Question.Length > 0);
        request.Consent.WordingVersion.Should().Be(PrescreenOptions.CurrentConsentWordingVersion);
        request.Consent.ScreeningConsentAt.Should().Be(ManualTimeProvider.DefaultStart);
        request.ChannelId.Should().Be("test");

        var evt = done.Should().ContainSingle(a => a.Type == ActivityTypes.Event).Subject;
        evt.Name.Should().Be("prescreen/referral");
        var json = System.Text.Json.JsonSerializer.SerializeToElement(evt.Value, BotJson.Options);
        json.EnumerateObject().Select(p => p.Name).Should().Equal("referralId", "trialId", "siteId");
        json.GetProperty("referralId").GetString().Should().Be("ref-1");
        json.GetProperty("siteId").GetString().Should().Be("wuhan-union");
        bot.AllText(done).Should().Contain("sent to Wuhan Union Hospital").And.Contain("delete my data").And.Contain("ref-1");
        bot.LastQuestion!.Text.Should().Contain("Would you also like to share your answers");
    }

    [Fact]
    public async Task ReferralStep_InvalidContactDetails_AreAskedAgainWithWhatIsExpected()
    {
        var bot = await AtNameQuestionAsync();
        await bot.SayAsync("Ana Li");

        var badPhone = await bot.SayAsync("call me");
        bot.AllText(badPhone).Should().StartWith("That doesn't look like a phone number");
        await bot.SayAsync("skip");
        bot.LastQuestion!.Text.Should().Contain("They need a phone number or an email address");
        bot.LastQuestion.SuggestedActions.Should().BeNull("an email is required once the phone was skipped");

        var badEmail = await bot.SayAsync("ana at example");
        bot.AllText(badEmail).Should().StartWith("That doesn't look like an email address");
        await bot.SayAsync("ana.li@example.org");

        bot.CurrentStep.Should().Be("handoff:bestTime");
    }

    [Fact]
    public async Task ReferralStep_SummaryRejected_CollectsContactDetailsAgain()
    {
        var bot = await AtNameQuestionAsync();
        foreach (var answer in new[] { "Ana Li", "+86 138 0013 8000", "skip", "Morning", "English" })
        {
            await bot.SayAsync(answer);
        }

        var replies = await bot.SayAsync("no");

        bot.AllText(replies).Should().Contain("Let's go through your contact details again.");
        bot.CurrentStep.Should().Be("handoff:name");
        bot.Referrals.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task ReferralStep_ServiceFailsOnce_RetryUsesTheSameIdempotencyKey()
    {
        var bot = await AtNameQuestionAsync();
        bot.Referrals.FailuresToSimulate = 1;
        foreach (var answer in new[] { "Ana Li", "+86 138 0013 8000", "skip", "Morning", "English" })
        {
            await bot.SayAsync(answer);
        }

        var failed = await bot.SayAsync("yes");
        bot.AllText(failed).Should().Contain("I couldn't send your details just now. Nothing is lost");
        bot.CurrentStep.Should().Be("handoff:retry");

        await bot.SayAsync("yes");

        bot.Referrals.Requests.Should().HaveCount(2);
        bot.Referrals.Requests.Select(r => r.IdempotencyKey).Distinct().Should().ContainSingle();
        bot.Referrals.Stored.Should().ContainSingle();
        bot.Transcript.Should().ContainSingle(a => a.Name == PrescreenEvents.Referral);
    }

    [Fact]
    public async Task ReferralStep_SeveralNearestSites_AsksWhichOne()
    {
        var bot = new BotHarness(SeedDialogs.Catalog);
        await bot.JoinAsync();
        var answers = new Dictionary<string, string>(Persona.Child12ByParent.Answers) { ["intake:city"] = "Hangzhou" };
        await bot.AnswerUntilAsync(answers, "share:" + SeedDialogs.Zhejiang);

        await bot.SayAsync("yes");

        bot.CurrentStep.Should().Be("handoff:site");
        bot.LastQuestion!.SuggestedActions!.Actions.Select(a => a.Title).Should().HaveCount(2);
        await bot.SayAsync("2");
        bot.CurrentStep.Should().Be("handoff:name");
    }

    [Fact]
    public async Task ReferralStep_NoSiteConfigured_KeepsTheLeadMarkedInTheConversation()
    {
        var bot = new BotHarness(SeedDialogs.Catalog, sites: new InMemorySiteDirectory());
        await bot.JoinAsync();
        await bot.AnswerUntilAsync(Persona.LupusWoman34.Answers, "share:which");
        await bot.SayAsync(SeedDialogs.LupusWuhan);

        var replies = await bot.SayAsync("yes");

        bot.AllText(replies).Should().Contain("I can't reach the study team of NCT07339332 from here yet");
        var lead = (await bot.StoredSessionAsync()).PendingLeads.Should().ContainSingle().Subject;
        lead.TrialId.Should().Be(SeedDialogs.LupusWuhan);
        lead.Marker.Should().Be("lead-pending-no-site");
        bot.Referrals.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task SharingDeclined_NothingIsShared()
    {
        var bot = await ScreenedLupusWomanAsync();

        var replies = await bot.SayAsync("None of them");

        bot.AllText(replies).Should().Contain("nothing will be shared");
        bot.CurrentStep.Should().Be("finished");
        bot.Referrals.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task DeleteMyData_Confirmed_DeletesReferralsAndConfirms()
    {
        var bot = await AtNameQuestionAsync();
        foreach (var answer in new[] { "Ana Li", "+86 138 0013 8000", "skip", "Morning", "English", "yes" })
        {
            await bot.SayAsync(answer);
        }

        bot.Referrals.Stored.Should().ContainSingle();

        var confirm = await bot.SayAsync("delete my data");
        bot.AllText(confirm).Should().Contain("Delete everything?");
        var done = await bot.SayAsync("yes");

        bot.AllText(done).Should().Contain("your data has been deleted (1 referrals removed)");
        bot.Referrals.Deletions.Should().ContainSingle().Which.Should().Be(("test", "Convo1"));
        bot.Referrals.Stored.Should().BeEmpty();
        var session = await bot.StoredSessionAsync();
        session.Answers.Should().BeEmpty();
        session.Referrals.Should().BeEmpty();
        session.Consent.Should().BeNull();
    }

    [Fact]
    public async Task DeleteMyData_NotConfirmed_KeepsEverything()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly());
        await bot.JoinAsync();
        await bot.SayAsync("yes");
        await bot.SayAsync("34");

        await bot.SayAsync("delete my data");
        var kept = await bot.SayAsync("no");

        bot.AllText(kept).Should().Contain("nothing was deleted");
        bot.CurrentStep.Should().Be("key:sex");
        bot.Referrals.Deletions.Should().BeEmpty();
    }

    private static async Task<BotHarness> ScreenedLupusWomanAsync()
    {
        var bot = new BotHarness(SeedDialogs.Catalog);
        await bot.JoinAsync();
        await bot.AnswerUntilAsync(Persona.LupusWoman34.Answers, "share:which");
        return bot;
    }

    private static async Task<BotHarness> AtNameQuestionAsync()
    {
        var bot = await ScreenedLupusWomanAsync();
        await bot.SayAsync(SeedDialogs.LupusWuhan);
        await bot.SayAsync("yes");
        bot.CurrentStep.Should().Be("handoff:name");
        return bot;
    }
}
