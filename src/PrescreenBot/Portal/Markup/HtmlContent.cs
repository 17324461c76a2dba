namespace PrescreenBot.Portal.Markup;

/// <summary>
/// Markup that is already safe to write as is. Only <see cref="HtmlTemplate"/> makes it, so every value that reaches a
/// page went through the encoder unless it was itself built from a template.
/// </summary>
public sealed class HtmlContent
{
    internal HtmlContent(string value) => Value = value;

    public static HtmlContent Empty { get; } = new(string.Empty);

    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>Fragments one after another.</summary>
    public static HtmlContent Join(IEnumerable<HtmlContent> parts) => new(string.Concat(parts.Select(part => part.Value)));
}
