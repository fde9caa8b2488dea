using System.Globalization;
using System.Text.Json;
using Clea.Data.Access;
using Clea.Data.Audits;
using Clea.Data.Common;
using Clea.Graph.Common;
using CsvHelper;

namespace Clea.Graph.Audits;

/// <summary>
/// <c>GET /audits/{id}/evidence.csv</c> and <c>…/evidence.json</c> (<c>?sample=&amp;seed=</c>): the auditor's download of
/// the same reproducible sample as <c>auditEvidence</c>, with the organism's intervenants and its file as filed, with
/// their bearer token; logged like any other read.
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
        var caller = http.RequestServices.GetRequiredService<ICurrentCaller>();
        if (!caller.IsAuthenticated)
        {
            await ErrorAsync(http, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", "Send the auditor's bearer token.");
            return;
        }
        if (format is not ("csv" or "json"))
        {
            await ErrorAsync(http, StatusCodes.Status404NotFound, "UNKNOWN_FORMAT", "Evidence is exported as evidence.csv or evidence.json.");
            return;
        }
        EvidenceExport export;
        try
        {
            export = await http.RequestServices.GetRequiredService<AuditEvidence>()
                .ExportAsync(NodeIds.Parse(NodeIds.Audit, id), sample ?? 0, seed ?? 0, format, caller, http.RequestAborted);
        }
        catch (DomainRuleException rule)
        {
            // INVALID_ID and INVALID_SAMPLE are bad input (400); only the audit's auditor, while it is open, reads it.
            var status = rule.Code == AuditErrors.AuditNotOpenForCaller ? StatusCodes.Status403Forbidden
                : rule.Code == AuditErrors.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
            await ErrorAsync(http, status, rule.Code, rule.Message);
            return;
        }
        // Intervenants are personal data: in the access log every such read goes to (candidates are, through the sample).
        var log = http.RequestServices.GetRequiredService<Privacy.PersonalDataAccessLog>();
        log.Record(export.Read.Audit.OrganismId, $"evidence.{format}", export.Read.Candidates.Count + export.Intervenants.Count);
        await log.FlushAsync(http.RequestAborted);
        var name = $"{export.Read.Audit.Reference}-sample{sample}-seed{seed}.{format}";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        http.Response.Headers.CacheControl = "no-store";
        if (format == "json")
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(http.Response.Body,
                new { sample = export.Rows, intervenants = export.Intervenants, applicationFile = export.File }, JsonOptions, http.RequestAborted);
            return;
        }
        http.Response.ContentType = "text/csv; charset=utf-8";
        // Three tables one after the other, each with its header line and separated by an empty line: the sample (one line
        // per result of a drawn file), the organism's intervenants with their qualifications, and its file as filed. Each
        // table is written by its own writer, which checks that its lines have its header's width.
        await WriteTableAsync(http, export.Rows);
        await http.Response.Body.WriteAsync("\r\n"u8.ToArray(), http.RequestAborted);
        await WriteTableAsync(http, export.Intervenants);
        await http.Response.Body.WriteAsync("\r\n"u8.ToArray(), http.RequestAborted);
        await WriteTableAsync(http, export.File.Select(f => new FiledApplicationLine(f.Field, f.Value)).ToList());
    }

    /// <summary>One column per member of <typeparamref name="T"/>, in declaration order (the records live in Clea.Data, without CsvHelper's generator).</summary>
    private static async Task WriteTableAsync<T>(HttpContext http, IReadOnlyList<T> rows)
    {
        // Free text (findings, names) opens in spreadsheets: formula-like cells are escaped.
        await using var csv = CsvWriter.Create(http.Response.Body, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        var columns = typeof(T).GetProperties();
        foreach (var column in columns) csv.WriteField(column.Name);
        csv.EndRecord();
        foreach (var row in rows)
        {
            foreach (var column in columns) csv.WriteField(Format(column.GetValue(row)));
            csv.EndRecord();
        }
        await csv.FlushAsync(http.RequestAborted);
    }

    /// <summary>The third table's columns: its header names the table.</summary>
    private sealed record FiledApplicationLine(string ApplicationFileField, string Value);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

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
}
