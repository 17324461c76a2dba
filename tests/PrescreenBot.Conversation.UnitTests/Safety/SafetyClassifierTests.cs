using PrescreenBot.Conversation.Safety;

namespace PrescreenBot.Conversation.UnitTests.Safety;

public sealed class SafetyClassifierTests
{
    [Theory]
    [InlineData("sometimes I think about killing myself")]
    [InlineData("I have had suicidal thoughts lately")]
    [InlineData("I just want to die")]
    [InlineData("I don’t want to live anymore")]
    [InlineData("我最近想自杀")]
    [InlineData("我不想活了")]
    public void Classify_SelfHarmDisclosure_IsSelfHarm(string text)
    {
        SafetyClassifier.Classify(text).Should().Be(SafetyConcern.SelfHarm);
    }

    [Theory]
    [InlineData("I have chest pain now")]
    [InlineData("I can't breathe")]
    [InlineData("我现在胸痛")]
    public void Classify_EmergencyNow_IsEmergency(string text)
    {
        SafetyClassifier.Classify(text).Should().Be(SafetyConcern.Emergency);
    }

    [Theory]
    [InlineData("Should I stop taking my prednisone?")]
    [InlineData("我应该吃什么药")]
    public void Classify_TreatmentQuestion_IsTreatmentAdvice(string text)
    {
        SafetyClassifier.Classify(text).Should().Be(SafetyConcern.TreatmentAdvice);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("not sure")]
    [InlineData("34")]
    [InlineData("no suicidal thoughts, never")]
    [InlineData("Wuhan")]
    [InlineData("")]
    [InlineData(null)]
    public void Classify_OrdinaryAnswer_IsNone(string? text)
    {
        SafetyClassifier.Classify(text).Should().Be(SafetyConcern.None);
    }
}
