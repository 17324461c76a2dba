using System.Data.Common;
using System.Globalization;

namespace PrescreenBot.Referrals.Storage;

/// <summary>
/// <c>IN (…)</c> lists as one parameter per value (never values spliced into SQL), in the same text for both providers.
/// </summary>
internal static class DbCommandListParameters
{
    /// <summary>Adds <c>@prefix0</c>, <c>@prefix1</c>, … for <paramref name="values"/> and returns them comma-separated for an IN list.</summary>
    public static string WithList(this DbCommand command, string prefix, IEnumerable<string> values)
    {
        var names = new List<string>();
        foreach (var value in values)
        {
            var name = prefix + names.Count.ToString(CultureInfo.InvariantCulture);
            command.With(name, value);
            names.Add(name);
        }

        if (names.Count == 0)
        {
            throw new ArgumentException("An IN list needs at least one value.", nameof(values));
        }

        return string.Join(", ", names);
    }
}
