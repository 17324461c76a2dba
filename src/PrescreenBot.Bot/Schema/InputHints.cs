namespace PrescreenBot.Bot.Schema;

/// <summary>
/// Values of <see cref="Activity.InputHint"/>. The wire uses the <c>…Input</c> forms (swagger and SDK),
/// not the spec prose's short forms.
/// </summary>
public static class InputHints
{
    public const string AcceptingInput = "acceptingInput";
    public const string ExpectingInput = "expectingInput";
    public const string IgnoringInput = "ignoringInput";
}
