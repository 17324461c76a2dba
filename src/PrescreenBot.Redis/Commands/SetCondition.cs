namespace PrescreenBot.Redis.Commands;

/// <summary>The NX / XX flag of SET.</summary>
public enum SetCondition
{
    Always,

    /// <summary>NX: only when the key does not exist.</summary>
    IfNotExists,

    /// <summary>XX: only when the key already exists.</summary>
    IfExists,
}
