namespace PrescreenBot.Portal.Access;

/// <summary>The signed-in coordinator of this request and the sites they may see (never empty once past the access filter).</summary>
public sealed record Coordinator
{
    /// <summary>What audit lines name: the Azure AD object id, or a hash of the subject when there is none.</summary>
    public required string AuditId { get; init; }

    /// <summary>Shown in the page header so the coordinator sees who is signed in.</summary>
    public required string DisplayName { get; init; }

    public required IReadOnlyList<string> SiteIds { get; init; }

    /// <summary>The coordinator the access filter put on this request.</summary>
    public static Coordinator Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Items[typeof(Coordinator)] as Coordinator
            ?? throw new InvalidOperationException("No coordinator on this request: the endpoint is outside the portal's access filter.");
    }

    internal void AttachTo(HttpContext http) => http.Items[typeof(Coordinator)] = this;
}
