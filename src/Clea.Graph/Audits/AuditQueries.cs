using System.Globalization;
using System.Text;
using Clea.Auth.Policies;
using Clea.Data.Audits;
using Clea.Data.Evaluations;
using Clea.Data.Registry;
using Clea.Graph.Common;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Audits;

/// <summary>Audits, conformity procedures, the Instance's work queue and the auditor's evidence sample.</summary>
public sealed class AuditQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<AuditType>("audit")
            .Description("One audit: the Instance staff of its scope, the audited organism, its auditor, administrators.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismData)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await ctx.Service<AuditRecords>().FindVisibleAsync(NodeIds.Parse(NodeIds.Audit, ctx.GetArgument<string>("id")),
                ctx.Caller(), ctx.CancellationToken));

        query.Field<NonNullGraphType<AuditConnectionType>>("audits")
            .Description("Audits, newest first, that the caller may see (an organism its own, an auditor those assigned, Instance staff their scope).")
            .AuthorizeWithPolicy(CleaPolicies.OrganismData)
            .Argument<StringGraphType>("siren", "Only this organism's.")
            .Argument<AuditStageEnum>("stage")
            .Argument<IntGraphType>("first").Argument<StringGraphType>("after")
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                var siren = ctx.GetArgument<string?>("siren") is { } text ? Siren.Parse(text) : (Siren?)null;
                var rows = await ctx.Service<AuditRecords>().ListAsync(siren, ctx.GetArgument<AuditStage?>("stage"), ctx.Caller(), ctx.CancellationToken);
                SortKey<Audit>[] keys = [new SortKey<Audit, int>(a => a.Id) { Descending = true }];
                var result = await KeysetPaging.PageAsync(rows, keys, "newest", page, ctx.CancellationToken);
                return new ConnectionPage<Audit>(result, ct => rows.CountAsync(ct));
            });

        query.Field<NonNullGraphType<ConformityProcedureConnectionType>>("conformityProcedures")
            .Description("Conformity procedures, newest first: the organism its own, Instance staff their scope, administrators all.")
            .AuthorizeWithPolicy(CleaPolicies.ApplicationReader)
            .Argument<StringGraphType>("siren", "Only this organism's.")
            .Argument<IntGraphType>("first").Argument<StringGraphType>("after")
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                var siren = ctx.GetArgument<string?>("siren") is { } text ? Siren.Parse(text) : (Siren?)null;
                var rows = await ctx.Service<AuditRecords>().ProceduresAsync(siren, ctx.Caller(), ctx.CancellationToken);
                SortKey<ConformityProcedure>[] keys = [new SortKey<ConformityProcedure, int>(p => p.Id) { Descending = true }];
                var result = await KeysetPaging.PageAsync(rows, keys, "newest", page, ctx.CancellationToken);
                return new ConnectionPage<ConformityProcedure>(result, ct => rows.CountAsync(ct));
            });

        query.Field<NonNullGraphType<EdofAlertConnectionType>>("edofAlerts")
            .Description("Recorded EDOF alerts (convention §V.3, case 4) with the sanction chosen, newest first: Instance staff their scope, the organism its own, administrators all.")
            .AuthorizeWithPolicy(CleaPolicies.ApplicationReader)
            .Argument<StringGraphType>("siren", "Only this organism's.")
            .Argument<EdofAlertLevelEnum>("level", "Only alerts that led to this sanction.")
            .Argument<IntGraphType>("first").Argument<StringGraphType>("after")
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                var siren = ctx.GetArgument<string?>("siren") is { } text ? Siren.Parse(text) : (Siren?)null;
                var rows = await ctx.Service<AuditRecords>().EdofAlertsAsync(siren, ctx.GetArgument<EdofAlertLevel?>("level"), ctx.Caller(), ctx.CancellationToken);
                SortKey<EdofAlert>[] keys = [new SortKey<EdofAlert, int>(a => a.Id) { Descending = true }];
                var result = await KeysetPaging.PageAsync(rows, keys, "newest", page, ctx.CancellationToken);
                return new ConnectionPage<EdofAlert>(result, ct => rows.CountAsync(ct));
            });

        query.Field<NonNullGraphType<AgendaItemConnectionType>>("conformityAgenda")
            .Description("The Instance's work queue, soonest first, paged: observations awaited, decisions to take, justifications due, answers due (the day after, deemed sufficient), 12-month watches ending — due by `dueBefore` (overdue included), within the caller's field.")
            .AuthorizeWithPolicy(CleaPolicies.InstanceStaff)
            .Argument<NonNullGraphType<IsoDateGraphType>>("dueBefore")
            .Argument<IntGraphType>("first").Argument<StringGraphType>("after")
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                var items = await ctx.Service<ConformityAgenda>().DueAsync(ctx.GetArgument<DateOnly>("dueBefore"), ctx.Caller(), ctx.CancellationToken);
                // Dates are computed, so the queue is sorted in memory (it is a work queue, not a table); the cursor is the item's key.
                var start = ctx.GetArgument<string?>("after") is { } after ? AgendaCursor.IndexAfter(items, after) : 0;
                var edges = items.Skip(start).Take(page.Size).Select(i => (i, AgendaCursor.Encode(i))).ToList();
                return new ConnectionPage<AgendaItem>(new Page<AgendaItem>(edges, start > 0, start + edges.Count < items.Count), _ => Task.FromResult(items.Count));
            });

        query.Field<NonNullGraphType<AuditEvidenceConnectionType>>("auditEvidence")
            .Description("A reproducible random sample of the candidate files of an open audit's scope (the same seed draws the same files), in draw order, paged, with the organism's file as filed and its intervenants' qualifications. The auditor assigned only, from the audit's opening until the report is final; every read is logged (AUDIT_EVIDENCE_READ) for the Instance and the organism.")
            .AuthorizeWithPolicy(CleaPolicies.Auditor)
            .Argument<NonNullGraphType<IdGraphType>>("audit")
            .Argument<NonNullGraphType<IntGraphType>>("sample", "How many files to draw (1 to 500).")
            .Argument<NonNullGraphType<IntGraphType>>("seed")
            .Argument<IntGraphType>("first").Argument<StringGraphType>("after")
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                var offset = ctx.GetArgument<string?>("after") is { } after ? EvidenceCursor.Decode(after) + 1 : 0;
                var read = await ctx.Service<AuditEvidence>().ReadAsync(NodeIds.Parse(NodeIds.Audit, ctx.GetArgument<string>("audit")),
                    ctx.GetArgument<int>("sample"), ctx.GetArgument<int>("seed"), offset, page.Size, "GraphQL", ctx.Caller(), ctx.CancellationToken);
                // Personal data: also in the access log every candidate read goes to (besides the audit's own log).
                ctx.RequestServices!.GetRequiredService<Privacy.PersonalDataAccessLog>().Record(read.Audit.OrganismId, "Query.auditEvidence", read.Candidates.Count);
                var edges = read.Candidates.Select((c, i) => (c, EvidenceCursor.Encode(offset + i))).ToList();
                var total = read.DrawnCandidateIds.Count;
                return new EvidenceConnectionPage(new Page<Candidate>(edges, offset > 0, offset + edges.Count < total), read);
            });
    }

}

/// <summary>Cursors of the evidence sample: the position in the draw.</summary>
internal static class EvidenceCursor
{
    public static string Encode(int position) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"evidence:{position.ToString(CultureInfo.InvariantCulture)}"));

    public static int Decode(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith("evidence:", StringComparison.Ordinal) && int.TryParse(text[9..], NumberStyles.None, CultureInfo.InvariantCulture, out var p)) return p;
        }
        catch (FormatException) { }
        throw GraphErrors.Argument(GraphErrors.InvalidCursor, "This cursor was not issued by auditEvidence.");
    }
}

/// <summary>Cursors of the conformity agenda: an item's sort key (due date, kind, audit, procedure), so a page follows its item.</summary>
internal static class AgendaCursor
{
    private static string Key(AgendaItem i) => string.Create(CultureInfo.InvariantCulture,
        $"agenda:{i.DueOn:yyyy-MM-dd}:{(int)i.Kind}:{i.AuditId ?? 0}:{i.ProcedureId ?? 0}");

    public static string Encode(AgendaItem item) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Key(item)));

    /// <summary>The index of the first item after the cursor's (the list is sorted by the same key).</summary>
    public static int IndexAfter(IReadOnlyList<AgendaItem> items, string cursor)
    {
        string key;
        try { key = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)); }
        catch (FormatException) { key = ""; }
        if (!key.StartsWith("agenda:", StringComparison.Ordinal))
            throw GraphErrors.Argument(GraphErrors.InvalidCursor, "This cursor was not issued by conformityAgenda.");
        var index = 0;
        while (index < items.Count && string.CompareOrdinal(SortableKey(items[index]), Sortable(key)) <= 0) index++;
        return index;
    }

    // The key with fixed-width numbers compares in the list's order.
    private static string SortableKey(AgendaItem i) => Sortable(Key(i));

    private static string Sortable(string key)
    {
        var parts = key.Split(':');
        return parts.Length == 5 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var kind)
               && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var audit)
               && int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var procedure)
            ? string.Create(CultureInfo.InvariantCulture, $"{parts[1]}:{kind:D3}:{audit:D10}:{procedure:D10}")
            : throw GraphErrors.Argument(GraphErrors.InvalidCursor, "This cursor was not issued by conformityAgenda.");
    }
}
