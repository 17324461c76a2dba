using System.Globalization;
using System.Text.Json;

namespace PrescreenBot.Trials.Import;

/// <summary>
/// ClinicalTrials.gov API v2 study JSON: one study object, or a page <c>{"studies": [...]}</c>. The criteria are
/// the <c>eligibilityCriteria</c> Markdown-like text, whose own lines the source spans then refer to.
/// </summary>
internal static class CtGovJsonParser
{
    public const string CriteriaLineReference = "protocolSection.eligibilityModule.eligibilityCriteria";

    public static IReadOnlyList<ImportedSource> Parse(string json, string sourceName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" near line {(line + 1).ToString(CultureInfo.InvariantCulture)}" : string.Empty;
            throw new ImportException(sourceName, $"invalid or truncated JSON{where}: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("studies", out var studies) && studies.ValueKind == JsonValueKind.Array)
            {
                var list = studies.EnumerateArray().Select((s, i) => ParseStudy(s, $"{sourceName} (studies[{i.ToString(CultureInfo.InvariantCulture)}])")).ToList();
                return list.Count > 0 ? list : throw new ImportException(sourceName, "the page holds no studies (\"studies\" is empty).");
            }

            if (root.ValueKind == JsonValueKind.Array)
            {
                return [.. root.EnumerateArray().Select((s, i) => ParseStudy(s, $"{sourceName} ([{i.ToString(CultureInfo.InvariantCulture)}])"))];
            }

            return [ParseStudy(root, sourceName)];
        }
    }

    private static ImportedSource ParseStudy(JsonElement study, string sourceName)
    {
        if (study.ValueKind != JsonValueKind.Object || !study.TryGetProperty("protocolSection", out var protocol))
        {
            throw new ImportException(sourceName, "not a ClinicalTrials.gov v2 study: \"protocolSection\" is missing.");
        }

        var identification = Obj(protocol, "identificationModule");
        var status = Obj(protocol, "statusModule");
        var eligibility = Obj(protocol, "eligibilityModule");
        var design = Obj(protocol, "designModule");
        var contactsModule = Obj(protocol, "contactsLocationsModule");

        var criteriaText = Str(eligibility, "eligibilityCriteria");
        if (string.IsNullOrWhiteSpace(criteriaText))
        {
            throw new ImportException(sourceName, $"no eligibility criteria: \"{CriteriaLineReference}\" is missing or empty.");
        }

        var nct = Str(identification, "nctId");
        var org = Str(Obj(identification, "orgStudyIdInfo"), "id");
        var title = Str(identification, "briefTitle") ?? Str(identification, "officialTitle") ?? TrialIds.NormalizeNctId(nct) ?? sourceName;
        var sponsor = Str(Obj(Obj(protocol, "sponsorCollaboratorsModule"), "leadSponsor"), "name");
        var ids = TrialIds.Choose(nct, org, sponsor, title, sourceName);

        var phases = Arr(design, "phases").Select(p => p.GetString()).Where(p => !string.IsNullOrEmpty(p)).ToList();
        int? enrollment = Obj(design, "enrollmentInfo") is { } e && e.TryGetProperty("count", out var c) && c.TryGetInt32(out var n) ? n : null;

        var sites = Arr(contactsModule, "locations").Select(l => new Site
        {
            Name = Str(l, "facility") ?? "(unnamed site)",
            City = Str(l, "city"),
            State = Str(l, "state"),
            Country = Str(l, "country"),
            Status = TrialStatuses.Normalize(Str(l, "status")) ?? Str(l, "status"),
            Contacts = [.. Arr(l, "contacts").Select(ToContact).OfType<Contact>()],
        }).ToList();

        var contacts = Arr(contactsModule, "centralContacts").Select(ToContact).OfType<Contact>()
            .Concat(Arr(contactsModule, "overallOfficials").Select(ToContact).OfType<Contact>())
            .ToList();

        var lines = SourceLine.Split(criteriaText);
        var trial = new Trial
        {
            Id = ids.Id,
            IdKind = ids.Kind,
            NctId = ids.NctId,
            OrgStudyId = org,
            Title = title,
            OverallStatus = TrialStatuses.Normalize(Str(status, "overallStatus")) ?? Str(status, "overallStatus"),
            Phase = phases.Count > 0 ? string.Join('/', phases) : null,
            Enrollment = enrollment,
            StartDate = FactParsers.IsoDate(Str(Obj(status, "startDateStruct"), "date") ?? string.Empty),
            CompletionDate = FactParsers.IsoDate(Str(Obj(status, "completionDateStruct"), "date")
                ?? Str(Obj(status, "primaryCompletionDateStruct"), "date") ?? string.Empty),
            LastUpdated = FactParsers.IsoDate(Str(Obj(status, "lastUpdatePostDateStruct"), "date") ?? string.Empty),
            Conditions = [.. Arr(Obj(protocol, "conditionsModule"), "conditions").Select(x => x.GetString() ?? string.Empty).Where(x => x.Length > 0)],
            Sex = FactParsers.Sex(Str(eligibility, "sex") ?? "ALL") ?? Sexes.All,
            MinAgeYears = FactParsers.RegistryAgeYears(Str(eligibility, "minimumAge") ?? string.Empty),
            MaxAgeYears = FactParsers.RegistryAgeYears(Str(eligibility, "maximumAge") ?? string.Empty),
            HealthyVolunteers = eligibility is { } el && el.TryGetProperty("healthyVolunteers", out var hv) && hv.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? hv.GetBoolean()
                : null,
            Sponsor = sponsor,
            Sites = sites,
            Contacts = contacts,
        };

        // The criteria text may start with prose before the first heading; when it has no heading at all,
        // the registry's own field says these are the criteria, with inclusion assumed first.
        var first = lines.ToList().FindIndex(l => PlainCriteriaParser.IsHeading(l.Text) is not null);
        var ignored = new IgnoredLines(lines, "text before the first criteria heading");
        var criteriaLines = first < 0 ? [new SourceLine(0, "Inclusion Criteria"), .. lines] : lines.Skip(first).ToList();
        if (first > 0)
        {
            ignored.MarkCriteria(lines[first].Number, lines[^1].Number);
        }
        else
        {
            ignored.MarkCriteria(1, lines.Count);
        }

        return new ImportedSource
        {
            Trial = trial,
            Layout = SourceLayouts.CtGovJson,
            CriteriaLines = criteriaLines,
            Ignored = ignored.Build(),
            LineReference = CriteriaLineReference,
            Flags = ids.Flags,
        };
    }

    private static Contact? ToContact(JsonElement e)
    {
        var name = Str(e, "name");
        return string.IsNullOrWhiteSpace(name) ? null : new Contact { Name = name, Role = Str(e, "role"), Phone = Str(e, "phone"), Email = Str(e, "email") };
    }

    private static JsonElement? Obj(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    private static string? Str(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static IEnumerable<JsonElement> Arr(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];
}
