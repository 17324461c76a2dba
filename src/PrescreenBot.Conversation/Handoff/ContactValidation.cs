using System.Net.Mail;

namespace PrescreenBot.Conversation.Handoff;

/// <summary>Checks the contact details a patient types at the referral step, and returns them tidied.</summary>
public static class ContactValidation
{
    /// <summary>E.164 allows at most 15 digits; fewer than 7 is no reachable number anywhere.</summary>
    private const int MinPhoneDigits = 7;
    private const int MaxPhoneDigits = 15;

    /// <summary>RFC 5321 limit for a whole address.</summary>
    private const int MaxEmailLength = 254;

    /// <summary>Generous for any real name, yet stops a pasted paragraph.</summary>
    private const int MaxNameLength = 100;

    public static string? NormalizeName(string? text)
    {
        var name = text?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || !name.Any(char.IsLetter))
        {
            return null;
        }

        return string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Keeps a leading "+" and the digits; spaces, dashes, dots and brackets are formatting.</summary>
    public static string? NormalizePhone(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || value.Any(c => !(char.IsDigit(c) || c is '+' or ' ' or '-' or '.' or '(' or ')')))
        {
            return null;
        }

        if (value.LastIndexOf('+') > 0)
        {
            return null;
        }

        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length is < MinPhoneDigits or > MaxPhoneDigits)
        {
            return null;
        }

        return value.StartsWith('+') ? "+" + digits : digits;
    }

    public static string? NormalizeEmail(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > MaxEmailLength || value.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }

        if (!MailAddress.TryCreate(value, out var address) || address.Address != value)
        {
            return null;
        }

        // A dot in the domain: "name@localhost" is valid mail syntax but never a patient's address.
        var domain = address.Host;
        return domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.') ? value : null;
    }
}
