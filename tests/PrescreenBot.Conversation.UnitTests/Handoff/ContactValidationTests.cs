using PrescreenBot.Conversation.Handoff;

namespace PrescreenBot.Conversation.UnitTests.Handoff;

public sealed class ContactValidationTests
{
    [Theory]
    [InlineData("+86 138 0013 8000", "+8613800138000")]
    [InlineData("(555) 123-4567", "5551234567")]
    [InlineData("027.8572.6114", "02785726114")]
    public void NormalizePhone_ValidNumber_KeepsPlusAndDigits(string given, string expected)
    {
        ContactValidation.NormalizePhone(given).Should().Be(expected);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("call me maybe")]
    [InlineData("1234567890123456")]
    [InlineData("12+3456789")]
    [InlineData("")]
    public void NormalizePhone_NotANumber_IsNull(string given)
    {
        ContactValidation.NormalizePhone(given).Should().BeNull();
    }

    [Theory]
    [InlineData("ana.li@example.org")]
    [InlineData(" wei@example.com.cn ")]
    public void NormalizeEmail_ValidAddress_IsKept(string given)
    {
        ContactValidation.NormalizeEmail(given).Should().Be(given.Trim());
    }

    [Theory]
    [InlineData("ana.li@example")]
    [InlineData("ana li@example.org")]
    [InlineData("Ana <ana@example.org>")]
    [InlineData("@example.org")]
    [InlineData("no")]
    public void NormalizeEmail_InvalidAddress_IsNull(string given)
    {
        ContactValidation.NormalizeEmail(given).Should().BeNull();
    }

    [Theory]
    [InlineData("  Ana   Li ", "Ana Li")]
    [InlineData("李伟", "李伟")]
    public void NormalizeName_RealName_IsTidied(string given, string expected)
    {
        ContactValidation.NormalizeName(given).Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    public void NormalizeName_NoLetters_IsNull(string given)
    {
        ContactValidation.NormalizeName(given).Should().BeNull();
    }
}
