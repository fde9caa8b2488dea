using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Clea.Auth.Policies;
using Clea.Data;
using Clea.Data.Audits;
using Clea.Data.Common;
using Clea.Data.Habilitations;
using Clea.Graph.Common;
using CsvHelper;
using GraphQL;

namespace Clea.Graph.Audits;

/// <summary>
/// <c>GET /audits/{id}/evidence.csv</c> and <c>…/evidence.json</c> (<c>?sample=&amp;seed=</c>): the auditor's download of
/// the same reproducible sample as <c>auditEvidence</c>, with their bearer token; logged like any other read.
/// Errors are JSON <c>{ code, message }</c>: 401 without a token, 403 for anyone but the auditor of the open audit, 400 for bad input.
/// </summary>
public static class EvidenceExportEndpoint
{
    public static IEndpointRouteBuilder MapAuditEvidenceExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/audits/{id}/evidence.{format}", HandleAsync);
        return app;
    }

    private static async Task HandleAsync(HttpContext http, string id, string format, int? sample, int? seed)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            await ErrorAsync(http, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", "Send the auditor's bearer token.");
            return;
        }
        if (format is not ("csv" or "json"))
        {
            await ErrorAsync(http, StatusCodes.Status404NotFound, "UNKNOWN_FORMAT", "Evidence is exported as evidence.csv or evidence.json.");
            return;
        }
        if (!GlobalId.TryDecode(id, out var type, out var key) || type != "Audit" || !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var auditId))
        {
            await ErrorAsync(http, StatusCodes.Status400BadRequest, GraphErrors.InvalidId, $"'{id}' is not an audit id issued by this API.");
            return;
        }
        var db = http.RequestServices.GetRequiredService<CleaDbContext>();
        var today = http.RequestServices.GetRequiredService<TimeProvider>().Today();
        EvidencePage read;
        try
        {
            read = await AuditEvidence.ReadAsync(db, new HttpAuditCaller(http.User), auditId, sample ?? 0, seed ?? 0, 0, AuditEvidence.MaxSample,
                format.ToUpperInvariant(), today, http.RequestAborted);
        }
        catch (DomainRuleException rule)
        {
            var status = rule.Code == AuditErrors.AuditNotOpenForCaller ? StatusCodes.Status403Forbidden
                : rule.Code == AuditErrors.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
            await ErrorAsync(http, status, rule.Code, rule.Message);
            return;
        }
        var rows = await EvidenceRows.FlattenAsync(db, read.Candidates, http.RequestAborted);
        var name = $"{read.Audit.Reference}-sample{sample}-seed{seed}.{format}";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        http.Response.Headers.CacheControl = "no-store";
        if (format == "json")
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(http.Response.Body, rows, JsonOptions, http.RequestAborted);
            return;
        }
        http.Response.ContentType = "text/csv; charset=utf-8";
        // Free text (findings, names) opens in spreadsheets: formula-like cells are escaped.
        await using var csv = CsvWriter.Create(http.Response.Body, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        // One column per EvidenceRow member, in declaration order (the record lives in Clea.Data, without CsvHelper's generator).
        foreach (var column in Columns) csv.WriteField(column.Name);
        csv.EndRecord();
        foreach (var row in rows)
        {
            foreach (var column in Columns) csv.WriteField(Format(column.GetValue(row)));
            csv.EndRecord();
        }
        await csv.FlushAsync(http.RequestAborted);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private static readonly System.Reflection.PropertyInfo[] Columns = typeof(EvidenceRow).GetProperties();

    private static string Format(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static async Task ErrorAsync(HttpContext http, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        await http.Response.WriteAsJsonAsync(new { code, message }, http.RequestAborted);
    }

    /// <summary>The export's caller: only an auditor's id matters; it acts for no Instance and no organism.</summary>
    private sealed class HttpAuditCaller(ClaimsPrincipal user) : IAuditCaller
    {
        public int? AuditorUserId => user.FindFirstValue(CleaClaims.Role) == CleaRoles.Auditor
            && int.TryParse(user.FindFirstValue(CleaClaims.Subject), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

        public Task EnsureInstanceMayActOnAsync(Habilitation habilitation, CancellationToken ct)
            => throw new ExecutionError("Only the staff of an Instance may do this.") { Code = Authorization.AuthorizationErrors.NotAuthorized };

        public bool IsStaffOf(int organismId) => false;
    }
}
