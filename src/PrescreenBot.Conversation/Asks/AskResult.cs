using System.Text.Json.Serialization;

namespace PrescreenBot.Conversation.Asks;

/// <summary>A recognized answer to an <see cref="Ask"/>.</summary>
public sealed record AskResult
{
    public required AskResultKind Kind { get; init; }

    public decimal? Number { get; init; }

    /// <summary>Unit of <see cref="Number"/> ("years", "months", "weeks", "days").</summary>
    public string? Unit { get; init; }

    /// <summary>Chosen option values.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Checked and tidied free text.</summary>
    public string? Text { get; init; }

    public DateOnly? Date { get; init; }

    public static AskResult Yes { get; } = new() { Kind = AskResultKind.Yes };

    public static AskResult No { get; } = new() { Kind = AskResultKind.No };

    public static AskResult NotSure { get; } = new() { Kind = AskResultKind.NotSure };

    public static AskResult Skip { get; } = new() { Kind = AskResultKind.Skip };

    /// <summary>Nothing was understood after the last attempt: the conversation moves on.</summary>
    public static AskResult GaveUp { get; } = new() { Kind = AskResultKind.GaveUp };
}

[JsonConverter(typeof(JsonStringEnumConverter<AskResultKind>))]
public enum AskResultKind
{
    Yes,
    No,
    NotSure,
    Skip,
    Number,
    Choice,
    Text,
    Date,
    GaveUp,
}
