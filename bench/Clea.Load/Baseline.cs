using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace Clea.Load;

/// <summary>
/// The baseline the API is measured against: a minimal ASP.NET Core app answering the same verification and region page
/// with hand-written SQL, one round trip per request through raw Npgsql, written with <see cref="Utf8JsonWriter"/>.
/// Same answers as the API's selection (status on the date, the habilitation that answers, EDOF eligibility, reasons),
/// no GraphQL, no EF Core, no authorization: the floor a request can cost on this database.
/// </summary>
internal static class Baseline
{
    public static async Task RunAsync(string connectionString, string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        await using var data = NpgsqlDataSource.Create(connectionString);
        app.MapPost("/verify", (HttpContext http) => VerifyAsync(http, data));
        app.MapPost("/region", (HttpContext http) => RegionAsync(http, data));
        await app.RunAsync();
    }

    private sealed record VerifyRequest(string[] Keys, string Certification, DateOnly? On);

    private sealed record RegionRequest(string Region, string Certification, int First, DateOnly? On);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Status of habilitation <c>h</c> on <c>@on</c>, as <c>Habilitation.StatusOn</c> decides it.</summary>
    private const string Status = """
        CASE
          WHEN h."FiledOn" > @on THEN NULL
          WHEN h."Outcome" = 'Refused' AND h."DecidedOn" <= @on THEN 'REFUSED'
          WHEN h."Outcome" <> 'Accepted' OR h."ValidFrom" > @on THEN CASE WHEN h."RefusedOn" <= @on THEN 'REFUSED' ELSE 'PENDING' END
          WHEN h."EndedOn" <= @on THEN CASE WHEN h."EndKind" = 'Withdrawn' THEN 'WITHDRAWN' ELSE 'RENOUNCED' END
          WHEN COALESCE(h."RenewedUntil", h."InitialUntil") < @on THEN 'EXPIRED'
          WHEN EXISTS (SELECT 1 FROM "Suspensions" x WHERE x."HabilitationId" = h."Id" AND x."From" <= @on AND (x."Until" IS NULL OR x."Until" >= @on)) THEN 'SUSPENDED'
          ELSE 'ACTIVE'
        END
        """;

    /// <summary>Every requested key (SIREN or SIRET) with its organism, site and the habilitation that answers, in order.</summary>
    private const string VerifySql = $"""
        SELECT r.ord, r.key, o."Siren", o."Name", o."Qualiopi", o."QualiopiLostOn", s."Siret", s."OpenedOn", s."ClosedOn",
               a.status, a."Scope", a."ValidFrom", a."ValidUntil", a."ProfessionalField", a."DecidedOn", a."FiledOn", a."EndedOn", a."Code", a."InstanceName"
        FROM unnest(@keys) WITH ORDINALITY AS r(key, ord)
        LEFT JOIN "Sites" s ON length(r.key) = 14 AND s."Siret" = r.key
        LEFT JOIN "Organisms" o ON o."Id" = COALESCE(s."OrganismId", (SELECT o2."Id" FROM "Organisms" o2 WHERE length(r.key) = 9 AND o2."Siren" = r.key))
        LEFT JOIN LATERAL (
          SELECT * FROM (
            SELECT {Status} AS status, h."Id", h."Scope", h."ValidFrom", COALESCE(h."RenewedUntil", h."InitialUntil") AS "ValidUntil",
                   h."ProfessionalField", h."DecidedOn", h."FiledOn", h."EndedOn", i."Code", i."Name" AS "InstanceName"
            FROM "Habilitations" h JOIN "Instances" i ON i."Id" = h."InstanceId"
            WHERE h."OrganismId" = o."Id" AND h."Certification" = @certification) c
          WHERE c.status IS NOT NULL
          ORDER BY CASE c.status WHEN 'ACTIVE' THEN 0 WHEN 'SUSPENDED' THEN 1 ELSE 2 END,
                   COALESCE(c."ValidFrom", c."DecidedOn", c."FiledOn") DESC, c."Id" DESC
          LIMIT 1) a ON true
        ORDER BY r.ord
        """;

    private static async Task VerifyAsync(HttpContext http, NpgsqlDataSource data)
    {
        var request = await JsonSerializer.DeserializeAsync<VerifyRequest>(http.Request.Body, Json, http.RequestAborted)
            ?? throw new BadHttpRequestException("body");
        var on = request.On ?? DateOnly.FromDateTime(DateTime.UtcNow);
        await using var command = data.CreateCommand(VerifySql);
        command.Parameters.AddWithValue("keys", request.Keys);
        command.Parameters.AddWithValue("certification", StoredCertification(request.Certification));
        command.Parameters.AddWithValue("on", on);
        await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);

        http.Response.ContentType = "application/json; charset=utf-8";
        var buffer = new ArrayBufferWriter<byte>(1024);
        await using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("data");
            while (await reader.ReadAsync(http.RequestAborted)) WriteCheck(json, reader, request.Certification, on);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        await http.Response.Body.WriteAsync(buffer.WrittenMemory, http.RequestAborted);
    }

    private static void WriteCheck(Utf8JsonWriter json, NpgsqlDataReader r, string certification, DateOnly on)
    {
        json.WriteStartObject();
        json.WriteString("certification", certification);
        if (r.IsDBNull(2))
        {
            json.WriteBoolean("habilitated", false);
            json.WriteNull("status");
            json.WriteBoolean("edofEligible", false);
            json.WriteString("reason", $"No organism or site {r.GetString(1)} is known to the CléA registry.");
            json.WriteEndObject();
            return;
        }
        var status = r.IsDBNull(9) ? null : r.GetString(9);
        var habilitated = status == "ACTIVE";
        string? reason = status switch
        {
            null => $"{r.GetString(3)} holds no habilitation for this certification on {on:yyyy-MM-dd}.",
            "ACTIVE" => null,
            "PENDING" => $"Application filed on {r.GetFieldValue<DateOnly>(15):yyyy-MM-dd} is not decided (or not notified) yet on {on:yyyy-MM-dd}.",
            "REFUSED" => $"The application was refused on {Date(r, 14)}.",
            "SUSPENDED" => "The habilitation is suspended: all activity under it must stop.",
            "WITHDRAWN" => $"The habilitation was withdrawn on {Date(r, 16)}.",
            "RENOUNCED" => $"The organism renounced the habilitation; it ended on {Date(r, 16)}.",
            _ => $"The habilitation expired: it was valid until {Date(r, 12)}.",
        };
        if (habilitated && !r.IsDBNull(6))
        {
            var opened = r.GetFieldValue<DateOnly>(7);
            var closed = r.IsDBNull(8) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(8);
            if (opened > on || closed <= on)
            {
                habilitated = false;
                reason = opened > on ? $"Site {r.GetString(6)} was not open yet on {on:yyyy-MM-dd}." : $"Site {r.GetString(6)} was closed on {closed:yyyy-MM-dd}.";
            }
        }
        var qualiopi = r.GetBoolean(4) || (!r.IsDBNull(5) && r.GetFieldValue<DateOnly>(5) > on);
        var scope = r.IsDBNull(10) ? null : r.GetString(10);
        string? edofReason = !habilitated ? "Not habilitated on that date."
            : scope != "TrainAndEvaluate" ? "EDOF requires an habilitation to train and evaluate."
            : !qualiopi ? "EDOF requires the Qualiopi certification, which this organism does not hold." : null;

        json.WriteBoolean("habilitated", habilitated);
        if (status is null) json.WriteNull("status"); else json.WriteString("status", status);
        WriteDate(json, "validFrom", r, 11);
        WriteDate(json, "validUntil", r, 12);
        if (scope is null) json.WriteNull("scope"); else json.WriteString("scope", Upper(scope));
        json.WriteBoolean("qualiopi", qualiopi);
        json.WriteBoolean("edofEligible", edofReason is null);
        json.WriteString("reason", reason);
        json.WriteString("edofReason", edofReason);
        if (r.IsDBNull(17)) json.WriteNull("instance");
        else
        {
            json.WriteStartObject("instance");
            json.WriteString("code", r.GetString(17));
            json.WriteString("name", r.GetString(18));
            json.WriteEndObject();
        }
        json.WriteString("professionalField", r.IsDBNull(13) ? null : r.GetString(13));
        json.WriteStartObject("organism");
        json.WriteString("siren", r.GetString(2));
        json.WriteString("name", r.GetString(3));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// One page of organisms habilitated (active on the date) in a region, by name, with the total, their open sites
    /// (address) and their habilitations (status, Instance) as JSON built by PostgreSQL: one statement.
    /// </summary>
    private const string RegionSql = $"""
        WITH matching AS (
          SELECT o."Id", o."Siren", o."Name", o."NameSearch", o."Qualiopi"
          FROM "Organisms" o
          WHERE EXISTS (SELECT 1 FROM "Sites" s JOIN "Departments" d ON d."Code" = s."DepartmentCode"
                        WHERE s."OrganismId" = o."Id" AND d."RegionCode" = @region
                          AND s."OpenedOn" <= @on AND (s."ClosedOn" IS NULL OR s."ClosedOn" > @on))
            AND EXISTS (SELECT 1 FROM "Habilitations" h
                        WHERE h."OrganismId" = o."Id" AND h."Certification" = @certification AND h."Outcome" = 'Accepted'
                          AND h."ValidFrom" <= @on AND (h."EndedOn" IS NULL OR h."EndedOn" > @on)
                          AND COALESCE(h."RenewedUntil", h."InitialUntil") >= @on
                          AND NOT EXISTS (SELECT 1 FROM "Suspensions" x WHERE x."HabilitationId" = h."Id" AND x."From" <= @on AND (x."Until" IS NULL OR x."Until" >= @on)))
        ), page AS (
          SELECT * FROM matching ORDER BY "NameSearch", "Id" LIMIT @first + 1
        )
        SELECT p."Id", p."Siren", p."Name", p."Qualiopi", (SELECT count(*) FROM matching),
          (SELECT coalesce(json_agg(json_build_object('name', s."Name", 'siret', s."Siret", 'address',
                    json_build_object('street', s."Street", 'city', s."City", 'postalCode', s."PostalCode")) ORDER BY s."Id"), '[]')
           FROM "Sites" s WHERE s."OrganismId" = p."Id" AND s."OpenedOn" <= @on AND (s."ClosedOn" IS NULL OR s."ClosedOn" > @on))::text,
          (SELECT coalesce(json_agg(json_build_object('certification', h."Certification", 'status', {Status},
                    'validUntil', COALESCE(h."RenewedUntil", h."InitialUntil"), 'instance', json_build_object('code', i."Code")) ORDER BY h."Id"), '[]')
           FROM "Habilitations" h JOIN "Instances" i ON i."Id" = h."InstanceId" WHERE h."OrganismId" = p."Id")::text
        FROM page p ORDER BY p."NameSearch", p."Id"
        """;

    private static async Task RegionAsync(HttpContext http, NpgsqlDataSource data)
    {
        var request = await JsonSerializer.DeserializeAsync<RegionRequest>(http.Request.Body, Json, http.RequestAborted)
            ?? throw new BadHttpRequestException("body");
        var on = request.On ?? DateOnly.FromDateTime(DateTime.UtcNow);
        await using var command = data.CreateCommand(RegionSql);
        command.Parameters.AddWithValue("region", request.Region);
        command.Parameters.AddWithValue("certification", StoredCertification(request.Certification));
        command.Parameters.AddWithValue("on", on);
        command.Parameters.AddWithValue("first", request.First);
        await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);

        http.Response.ContentType = "application/json; charset=utf-8";
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        await using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("data");
            json.WriteStartArray("nodes");
            var count = 0;
            long total = 0;
            var last = 0;
            while (await reader.ReadAsync(http.RequestAborted))
            {
                total = reader.GetInt64(4);
                if (++count > request.First) break;
                last = reader.GetInt32(0);
                json.WriteStartObject();
                json.WriteString("siren", reader.GetString(1));
                json.WriteString("name", reader.GetString(2));
                json.WriteBoolean("qualiopi", reader.GetBoolean(3));
                json.WritePropertyName("sites");
                json.WriteRawValue(reader.GetString(5), skipInputValidation: true);
                json.WritePropertyName("habilitations");
                json.WriteRawValue(reader.GetString(6), skipInputValidation: true);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteNumber("totalCount", total);
            json.WriteStartObject("pageInfo");
            json.WriteBoolean("hasNextPage", count > request.First);
            json.WriteString("endCursor", Convert.ToBase64String(BitConverter.GetBytes(last)));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        await http.Response.Body.WriteAsync(buffer.WrittenMemory, http.RequestAborted);
    }

    private static string StoredCertification(string graphQLName) => graphQLName switch
    {
        "CLEA_SOCLE" => "CleaSocle",
        "CLEA_NUMERIQUE" => "CleaNumerique",
        "CLEA_MANAGEMENT" => "CleaManagement",
        _ => throw new BadHttpRequestException("certification"),
    };

    private static string Upper(string pascal)
        => string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));

    private static string? Date(NpgsqlDataReader r, int ordinal)
        => r.IsDBNull(ordinal) ? null : r.GetFieldValue<DateOnly>(ordinal).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void WriteDate(Utf8JsonWriter json, string name, NpgsqlDataReader r, int ordinal)
    {
        if (r.IsDBNull(ordinal)) json.WriteNull(name);
        else json.WriteString(name, r.GetFieldValue<DateOnly>(ordinal).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
