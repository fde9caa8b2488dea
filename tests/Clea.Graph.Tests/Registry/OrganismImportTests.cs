using Clea.Auth.Administration;
using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Data.Registry;
using Clea.Graph.Tests.Support;
using Clea.Testing;

namespace Clea.Graph.Tests.Registry;

/// <summary>
/// <c>import-organisms FILE.csv</c> on a real file: one report line per CSV line, each organism all-or-nothing, idempotent
/// on SIREN (a re-run changes nothing, a changed line updates), exit code 1 when a line is refused.
/// </summary>
public sealed class OrganismImportTests
{
    // 732829320: valid SIREN, two sites; 552100554: valid, one site; 123456789 fails the Luhn checksum;
    // 443061841: its second line repeats a SIRET of the first organism, so it is refused as a whole.
    private static readonly string Lyon1 = Siret.Compose(Siren.Parse("732829320"), 1).Value;
    private static readonly string Lyon2 = Siret.Compose(Siren.Parse("732829320"), 2).Value;
    private static readonly string Paris1 = Siret.Compose(Siren.Parse("552100554"), 1).Value;
    private static readonly string Nice1 = Siret.Compose(Siren.Parse("443061841"), 1).Value;

    private static string File1 => $"""
        siren,name,naf,siret,site_name,street,postal_code,city,head_office,qualiopi,declaration_number
        732829320,Formation Nouvelle Lyon,8559A,{Lyon1},Siège,1 rue de la République,69002,Lyon,yes,yes,82691234569
        732829320,Formation Nouvelle Lyon,8559A,{Lyon2},Villeurbanne,"12, cours Émile Zola",69100,Villeurbanne,no,yes,82691234569
        552100554,Atelier Parisien,85.59B,{Paris1},,3 rue de Rivoli,75004,Paris,,,
        123456789,Mauvais Checksum,85.59A,12345678900011,,1 rue X,13001,Marseille,,,
        443061841,Savoirs Azur,85.59A,{Nice1},,2 promenade des Anglais,06000,Nice,,,
        443061841,Savoirs Azur,85.59A,{Lyon1},,2 promenade des Anglais,06000,Nice,,,
        """;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_file_is_imported_line_by_line_and_a_rerun_changes_nothing(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);

        var (code, output, _) = await RunImportAsync(api, File1);
        Assert.Equal(1, code);
        var lines = Report(output);
        Assert.Equal(("created", "-"), lines[2]);
        Assert.Equal(("created", "-"), lines[3]);
        Assert.Equal(("created", "-"), lines[4]);
        Assert.Equal(("refused", "INVALID_SIREN"), lines[5]);
        Assert.Equal(("refused", "DUPLICATE_SIRET"), lines[6]);
        Assert.Equal(("refused", "DUPLICATE_SIRET"), lines[7]);
        Assert.Contains("line 7 of the same organism", output, StringComparison.Ordinal);

        // Nothing of the refused organism was saved; the imported ones are there, not public, with their sites and département.
        var certifPro = await api.TokenForAsync(DemoAccounts.CertifPro);
        const string Read = "query($s: String!) { organism(siren: $s) { name nafCode qualiopi sites { siret headOffice address { city department { code } region { code } } } } }";
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await api.PostAsAsync(certifPro, Read, new { s = "443061841" })).Data.GetProperty("organism").ValueKind);
        var lyon = (await api.PostAsAsync(certifPro, Read, new { s = "732829320" })).Data.GetProperty("organism");
        Assert.Equal("85.59A", lyon.GetProperty("nafCode").GetString());
        Assert.True(lyon.GetProperty("qualiopi").GetBoolean());
        var sites = lyon.GetProperty("sites").EnumerateArray().ToList();
        Assert.Equal(2, sites.Count);
        Assert.True(sites.Single(s => s.GetProperty("siret").GetString() == Lyon1).GetProperty("headOffice").GetBoolean());
        Assert.Equal("84", sites[0].GetProperty("address").GetProperty("region").GetProperty("code").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await api.PostAsync(Read, new { s = "732829320" })).Data.GetProperty("organism").ValueKind);

        // The same file again: every imported line unchanged, the refused ones refused again.
        var (again, rerun, _) = await RunImportAsync(api, File1);
        Assert.Equal(1, again);
        var second = Report(rerun);
        Assert.All([2, 3, 4], n => Assert.Equal(("unchanged", "-"), second[n]));
        Assert.Equal(("refused", "INVALID_SIREN"), second[5]);

        // A corrected export: a changed name and a new address update, reported; a clean file exits 0.
        var (fixedCode, fixedOutput, _) = await RunImportAsync(api, $"""
            siren,name,naf,siret,site_name,street,postal_code,city
            732829320,Formation Nouvelle Lyon SAS,8559A,{Lyon1},Siège,1 rue de la République,69002,Lyon
            552100554,Atelier Parisien,85.59B,{Paris1},,5 rue de Rivoli,75004,Paris
            """);
        Assert.True(fixedCode == 0, fixedOutput);
        var updated = Report(fixedOutput);
        Assert.Equal(("updated", "-"), updated[2]);
        Assert.Equal(("updated", "-"), updated[3]);
        Assert.Contains("name", fixedOutput, StringComparison.Ordinal);
        Assert.Contains($"site {Paris1} address", fixedOutput, StringComparison.Ordinal);

        // Certif Pro sees the imports among the registrations, with their source and the correction events.
        var list = await api.PostAsAsync(certifPro, "{ organismRegistrations(first: 10, where: { search: \"formation nouvelle\" }) { nodes { source registeredBy public organism { siren name } } } }");
        Assert.False(list.HasErrors, list.Body);
        var registration = Assert.Single(list.Data.GetProperty("organismRegistrations").GetProperty("nodes").EnumerateArray());
        Assert.Equal("IMPORTED", registration.GetProperty("source").GetString());
        Assert.False(registration.GetProperty("public").GetBoolean());
        Assert.Equal("Formation Nouvelle Lyon SAS", registration.GetProperty("organism").GetProperty("name").GetString());
        var events = await api.PostAsAsync(certifPro, "{ lifecycleEvents(siren: \"732829320\", first: 10) { nodes { kind reference } } }");
        Assert.False(events.HasErrors, events.Body);
        var kinds = events.Data.GetProperty("lifecycleEvents").GetProperty("nodes").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Contains("ORGANISM_REGISTERED", kinds);
        Assert.Contains("REGISTRATION_CORRECTED", kinds);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_file_without_the_required_columns_is_refused_before_any_line(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var (code, _, error) = await RunImportAsync(api, "siren,name\n732829320,X\n");
        Assert.Equal(1, code);
        Assert.Contains("INVALID_IMPORT_LINE", error, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_spreadsheet_export_with_semicolons_and_a_byte_order_mark_is_read_alike(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var (code, output, _) = await RunImportAsync(api, "\uFEFFSIREN;Name;NAF;SIRET;Street;Postal_Code;City\n" +
            $"552100554;Atelier Parisien;85.59B;{Paris1};3 rue de Rivoli;75004;Paris\n");
        Assert.True(code == 0, output);
        Assert.Equal(("created", "-"), Report(output)[2]);
    }

    /// <summary>Writes <paramref name="csv"/> to a file and runs the command as <c>Program</c> would; answers exit code, output, errors.</summary>
    internal static async Task<(int Code, string Output, string Error)> RunImportAsync(CleaApi api, string csv)
    {
        var path = Path.Combine(Path.GetTempPath(), $"clea-import-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv);
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = await AdminCommandLine.RunAsync(api.Services, ["import-organisms", path], output, error);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The report by CSV line number: (outcome, code).</summary>
    private static Dictionary<int, (string, string)> Report(string output)
        => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("line ", StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .ToDictionary(p => int.Parse(p[0][5..], System.Globalization.CultureInfo.InvariantCulture), p => (p[2], p[3]));
}
