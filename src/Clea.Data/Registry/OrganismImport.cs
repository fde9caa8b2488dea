using Clea.Data.Common;
using Clea.Data.Referentials;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Registry;

/// <summary>What the import did with one line of the file.</summary>
public enum ImportOutcome { Created, Updated, Unchanged, Refused }

/// <summary>One line's report: its number in the file (the header is line 1), the SIREN as written, the outcome and why.</summary>
public sealed record ImportLineResult(int Line, string Siren, ImportOutcome Outcome, string? Code, string Detail);

/// <summary>
/// Imports organisms from the previous platform's CSV export (<c>import-organisms FILE</c>). <b>One line per site</b>:
/// <c>siren,name,naf,siret,site_name,street,postal_code,city</c>, and optionally <c>head_office</c> (yes/no; default: the
/// organism's first line), <c>qualiopi</c> (yes/no), <c>declaration_number</c>. The organism's columns repeat on each of
/// its lines. Idempotent on SIREN: a known organism is compared with its lines and updated where they differ (each change a
/// correction event), a new site added; re-running the same file changes nothing. <b>Each organism is all-or-nothing</b>:
/// its lines are checked together and saved in one transaction, so one refused line refuses its organism's other lines
/// and never leaves half an organism; other organisms of the file are imported. Imported organisms are not public until
/// habilitated (<see cref="PublicRegistry"/>). Sites absent from the file are left as they are (closing is the organism's act).
/// </summary>
public sealed class OrganismImport(CleaDbContext db, IReferenceCatalog reference, TimeProvider time)
{
    private static readonly string[] RequiredColumns = ["siren", "name", "naf", "siret", "street", "postal_code", "city"];

    /// <summary>Imports <paramref name="csv"/>; <paramref name="source"/> names the file in the events and the registration.</summary>
    public async Task<IReadOnlyList<ImportLineResult>> ImportAsync(TextReader csv, string source, CancellationToken ct)
    {
        var lines = await ReadAsync(csv, ct);
        var results = new List<ImportLineResult>();
        var seenSirets = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in lines.GroupBy(l => l.Get("siren").Replace(" ", string.Empty, StringComparison.Ordinal)))
            results.AddRange(await ImportOrganismAsync([.. group], source, seenSirets, ct));
        return [.. results.OrderBy(r => r.Line)];
    }

    private async Task<IEnumerable<ImportLineResult>> ImportOrganismAsync(IReadOnlyList<CsvLine> lines, string source,
        Dictionary<string, int> seenSirets, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var sirenText = lines[0].Get("siren");
        try
        {
            var rows = new List<ImportRow>();
            foreach (var line in lines) rows.Add(await ParseAsync(line, seenSirets, ct));
            var first = rows[0];
            if (rows.Any(r => r.Name != first.Name || r.NafCode != first.NafCode || r.Qualiopi != first.Qualiopi || r.DeclarationNumber != first.DeclarationNumber))
                throw new DomainRuleException(OrganismRegistrationErrors.InvalidImportLine,
                    $"The lines of SIREN {first.Siren} disagree on the organism's name, NAF code, Qualiopi or declaration number.");
            var headOffices = rows.Count(r => r.HeadOffice == true);
            if (headOffices > 1)
                throw new DomainRuleException(OrganismRegistrationErrors.InvalidImportLine, $"SIREN {first.Siren} has {headOffices} head offices; one at most.");
            var headOffice = headOffices == 1 ? rows.Single(r => r.HeadOffice == true) : first;

            var why = $"import from {source}";
            var today = time.Today();
            var organism = await db.Organisms.Include(o => o.Sites).SingleOrDefaultAsync(o => o.Siren == first.Siren, ct);
            var created = organism is null;
            var changes = new List<string>();
            if (organism is null)
            {
                organism = Organism.Register(first.Siren, first.Name, first.Qualiopi ?? false, first.NafCode, first.DeclarationNumber);
                organism.RecordRegistration(RegistrationSource.Imported, time.GetUtcNow(), why, today);
                db.Organisms.Add(organism);
            }
            else
            {
                if (organism.CorrectName(first.Name, why, today)) changes.Add("name");
                if (organism.CorrectNafCode(first.NafCode, why, today)) changes.Add("NAF code");
                if (organism.CorrectQualiopi(first.Qualiopi, why, today)) changes.Add("Qualiopi");
                if (organism.CorrectDeclarationNumber(first.DeclarationNumber, why, today)) changes.Add("declaration number");
            }
            foreach (var row in rows)
            {
                var site = organism.Sites.SingleOrDefault(s => s.Siret == row.Siret);
                if (site is null)
                {
                    organism.AddSite(row.Siret, row.SiteName, row.Address, today, headOffice: ReferenceEquals(row, headOffice) && !organism.Sites.Any(s => s.HeadOffice));
                    if (!created) changes.Add($"site {row.Siret} added");
                }
                else if (site.Address != row.Address)
                {
                    site.CorrectAddress(row.Address);
                    changes.Add($"site {row.Siret} address");
                }
            }
            await db.SaveChangesAsync(ct);
            var outcome = created ? ImportOutcome.Created : changes.Count > 0 ? ImportOutcome.Updated : ImportOutcome.Unchanged;
            var detail = created ? $"{organism.Name}: created with {rows.Count} site(s), not public until habilitated"
                : changes.Count > 0 ? $"{organism.Name}: {string.Join(", ", changes.Distinct())}" : $"{organism.Name}: as recorded";
            return lines.Select(l => new ImportLineResult(l.Number, sirenText, outcome, null, detail));
        }
        catch (Exception e) when (e is LineException or DomainRuleException or DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var (code, message, at) = e is LineException line ? (line.Rule.Code, line.Rule.Message, line.Line)
                : e is DomainRuleException rule ? (rule.Code, rule.Message, 0)
                : (OrganismRegistrationErrors.DuplicateSiret, "A SIREN or SIRET of this organism was registered meanwhile or belongs to another organism.", 0);
            return lines.Select(l => l.Number == at || at == 0
                ? new ImportLineResult(l.Number, sirenText, ImportOutcome.Refused, code, message)
                : new ImportLineResult(l.Number, sirenText, ImportOutcome.Refused, code, $"not imported: line {at} of the same organism was refused"));
        }
    }

    private async Task<ImportRow> ParseAsync(CsvLine line, Dictionary<string, int> seenSirets, CancellationToken ct)
    {
        try
        {
            foreach (var column in RequiredColumns)
                if (string.IsNullOrWhiteSpace(line.Get(column)))
                    throw new DomainRuleException(OrganismRegistrationErrors.InvalidImportLine, $"Column '{column}' is empty.");
            var siren = Siren.Parse(line.Get("siren"));
            var siret = Siret.Parse(line.Get("siret"));
            if (seenSirets.TryGetValue(siret.Value, out var earlier) && earlier != line.Number)
                throw new DomainRuleException(OrganismRegistrationErrors.DuplicateSiret, $"SIRET {siret} is already on line {earlier} of this file.");
            seenSirets[siret.Value] = line.Number;
            if (siret.Siren != siren)
                throw new DomainRuleException(RegistryErrors.SiteOfAnotherSiren, $"SIRET {siret} belongs to SIREN {siret.Siren}, not to {siren}.");
            var department = PostalCodeDepartment.Of(line.Get("postal_code"));
            await reference.RequireDepartmentAsync(department, ct);
            var name = line.Get("name").Trim();
            if (name.Length > Organism.NameMaxLength)
                throw new DomainRuleException(OrganismRegistrationErrors.InvalidImportLine, $"A name has at most {Organism.NameMaxLength} characters.");
            return new ImportRow(siren, name, NafCode.Parse(line.Get("naf")), siret,
                string.IsNullOrWhiteSpace(line.Get("site_name")) ? name : line.Get("site_name").Trim(),
                Address.Create(line.Get("street"), line.Get("postal_code"), line.Get("city"), department),
                YesNo(line, "head_office"), YesNo(line, "qualiopi"),
                string.IsNullOrWhiteSpace(line.Get("declaration_number")) ? null : DeclarationNumber.Parse(line.Get("declaration_number")));
        }
        catch (DomainRuleException rule)
        {
            throw new LineException(line.Number, rule);
        }
    }

    private static bool? YesNo(CsvLine line, string column) => line.Get(column).Trim().ToLowerInvariant() switch
    {
        "" => null,
        "yes" or "oui" or "true" or "1" => true,
        "no" or "non" or "false" or "0" => false,
        var other => throw new DomainRuleException(OrganismRegistrationErrors.InvalidImportLine, $"Column '{column}' is yes or no; '{other}' is neither."),
    };

    /// <summary>Reads the whole file (a migration export: thousands of lines, not millions) with its line numbers.</summary>
    private static async Task<List<CsvLine>> ReadAsync(TextReader csv, CancellationToken ct)
    {
        await using var reader = CsvReader.Create(csv, new CsvReaderOptions { TrackLineNumbers = true, TrimWhitespace = true }, leaveOpen: true);
        await reader.ReadHeaderAsync(ct);
        var columns = reader.Headers.Select((h, i) => (Name: h.Trim().ToLowerInvariant(), Index: i))
            .GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().Index, StringComparer.Ordinal);
        var missing = RequiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            throw new DomainRuleException(OrganismRegistrationErrors.InvalidImportLine,
                $"The header lacks column(s) {string.Join(", ", missing)}; expected {string.Join(",", RequiredColumns)} (+ head_office, qualiopi, declaration_number, site_name).");
        var lines = new List<CsvLine>();
        while (await reader.ReadAsync(ct))
        {
            var values = columns.ToDictionary(c => c.Key, c => c.Value < reader.FieldCount ? reader.GetString(c.Value) : string.Empty, StringComparer.Ordinal);
            lines.Add(new CsvLine((int)reader.LineNumber, values));
        }
        return lines;
    }

    private sealed record CsvLine(int Number, IReadOnlyDictionary<string, string> Values)
    {
        public string Get(string column) => Values.GetValueOrDefault(column) ?? string.Empty;
    }

    private sealed record ImportRow(Siren Siren, string Name, string NafCode, Siret Siret, string SiteName, Address Address,
        bool? HeadOffice, bool? Qualiopi, string? DeclarationNumber);

    /// <summary>A refused line, so that its organism's report can name it.</summary>
    private sealed class LineException(int line, DomainRuleException rule) : Exception(rule.Message, rule)
    {
        public int Line { get; } = line;
        public DomainRuleException Rule { get; } = rule;
    }
}
