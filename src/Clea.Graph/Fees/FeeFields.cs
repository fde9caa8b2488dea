using Clea.Auth.Policies;
using Clea.Data;
using Clea.Data.Fees;
using Clea.Data.Registry;
using Clea.Graph.Authorization;
using Clea.Graph.Common;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Fees;

/// <summary>The lines of invoices, batched.</summary>
public sealed class FeeLinesByInvoiceLoader(CleaDbContext db) : BatchListLoader<int, FeeLine>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<FeeLine>>> FetchAsync(IReadOnlyList<int> keys, CancellationToken ct)
        => Group(await db.FeeLines.AsNoTracking().Where(l => l.InvoiceId != null && keys.Contains(l.InvoiceId.Value)).OrderBy(l => l.Id).ToListAsync(ct),
            l => l.InvoiceId!.Value);
}

/// <summary>
/// The fee ledger (annexe 2): the grid by year (public), fee lines and quarterly invoices (the organism its own, Certif Pro
/// staff and administrators all, a CPNE its field), issuing a quarter and recording payments (Certif Pro staff and
/// administrators), setting a year's grid (administrators).
/// </summary>
public sealed class FeeFields : IQueryFields, IMutationFields
{
    void IQueryFields.AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FeeTariffType>>>>("feeTariffs")
            .Description("The fee grid in force in a year (default: this year): for each fee, the newest row of that year or before.")
            .AllowAnonymous()
            .Argument<IntGraphType>("year")
            .ResolveAsync(async ctx =>
            {
                var year = ctx.GetArgument<int?>("year") ?? ctx.Today().Year;
                var rows = await ctx.RequestServices!.GetRequiredService<CleaDbContext>().FeeTariffs.AsNoTracking()
                    .Where(t => t.FromYear <= year).ToListAsync(ctx.CancellationToken);
                return rows.GroupBy(t => (t.Kind, t.Certification)).Select(g => g.MaxBy(t => t.FromYear)!)
                    .OrderBy(t => t.Kind).ThenBy(t => t.Certification).ToList();
            });

        query.Field<NonNullGraphType<InvoiceConnectionType>>("invoices")
            .Description("Invoices, newest first: organism staff their own; Certif Pro staff and administrators all; a CPNE its field.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismData)
            .Argument<IntGraphType>("first").Argument<StringGraphType>("after")
            .Argument<StringGraphType>("siren", "Only this organism's.")
            .Argument<BooleanGraphType>("overdue", "Only unpaid invoices past their due date (true), or only the others (false).")
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                var db = ctx.RequestServices!.GetRequiredService<CleaDbContext>();
                var invoices = db.Invoices.AsNoTracking();
                if (await CallerScope.VisibleOrganismIdsAsync(ctx) is { } visible) invoices = invoices.Where(i => visible.Contains(i.OrganismId));
                if (ctx.GetArgument<string?>("siren") is { } text)
                {
                    var siren = Siren.Parse(text);
                    invoices = invoices.Where(i => i.Organism.Siren == siren);
                }
                if (ctx.GetArgument<bool?>("overdue") is { } overdue)
                {
                    var today = ctx.Today();
                    invoices = overdue ? invoices.Where(i => i.PaidOn == null && i.DueOn < today) : invoices.Where(i => i.PaidOn != null || i.DueOn >= today);
                }
                SortKey<Invoice>[] keys = [new SortKey<Invoice, int>(i => i.Id) { Descending = true }];
                var result = await KeysetPaging.PageAsync(invoices, keys, "newest", page, ctx.CancellationToken);
                return new ConnectionPage<Invoice>(result, ct => invoices.CountAsync(ct));
            });

        query.Field<NonNullGraphType<FeeLineConnectionType>>("feeLines")
            .Description("Fee lines, newest first: organism staff their own; Certif Pro staff and administrators all; a CPNE its field.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismData)
            .Argument<IntGraphType>("first").Argument<StringGraphType>("after")
            .Argument<StringGraphType>("siren", "Only this organism's.")
            .Argument<BooleanGraphType>("invoiced", "Only invoiced lines (true) or only lines not invoiced yet (false).")
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                var db = ctx.RequestServices!.GetRequiredService<CleaDbContext>();
                var lines = db.FeeLines.AsNoTracking();
                if (await CallerScope.VisibleOrganismIdsAsync(ctx) is { } visible) lines = lines.Where(l => visible.Contains(l.OrganismId));
                if (ctx.GetArgument<string?>("siren") is { } text)
                {
                    var siren = Siren.Parse(text);
                    lines = lines.Where(l => db.Organisms.Any(o => o.Id == l.OrganismId && o.Siren == siren));
                }
                if (ctx.GetArgument<bool?>("invoiced") is { } invoiced) lines = invoiced ? lines.Where(l => l.InvoiceId != null) : lines.Where(l => l.InvoiceId == null);
                SortKey<FeeLine>[] keys = [new SortKey<FeeLine, long>(l => l.Id) { Descending = true }];
                var result = await KeysetPaging.PageAsync(lines, keys, "newest", page, ctx.CancellationToken);
                return new ConnectionPage<FeeLine>(result, ct => lines.CountAsync(ct));
            });
    }

    void IMutationFields.AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FeeTariffType>>>>("setFeeGrid")
            .Description("Sets amounts of the fee grid in force from a year (the board may change it every year). Fees already accrued keep their amount. Administrators.")
            .AuthorizeWithPolicy(CleaPolicies.Administrator)
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<FeeAmountInputType>>>>("amounts")
            .ResolveAsync(async ctx =>
            {
                var db = ctx.RequestServices!.GetRequiredService<CleaDbContext>();
                var rows = await Billing.SetGridAsync(db, ctx.GetArgument<int>("year"), ctx.GetArgument<List<FeeAmount>>("amounts"), ctx.CancellationToken);
                await db.SaveChangesAsync(ctx.CancellationToken);
                return rows;
            });

        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<InvoiceType>>>>("issueInvoices")
            .Description("Issues a past quarter's invoices today: one per organism with fee lines not invoiced yet, unless it already has this quarter's invoice (running it again issues nothing). Certif Pro staff and administrators.")
            .AuthorizeWithPolicy(CleaPolicies.Oversight)
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<NonNullGraphType<IntGraphType>>("quarter")
            .ResolveAsync(async ctx =>
            {
                await CallerScope.EnsureCertifProOrAdminAsync(ctx);
                var db = ctx.RequestServices!.GetRequiredService<CleaDbContext>();
                var invoices = await Billing.IssueQuarterAsync(db, ctx.GetArgument<int>("year"), ctx.GetArgument<int>("quarter"), ctx.Today(), ctx.CancellationToken);
                await db.SaveChangesAsync(ctx.CancellationToken);
                return invoices;
            });

        mutation.Field<NonNullGraphType<InvoiceType>>("markInvoicePaid")
            .Description("Records the payment of an invoice (default today). Certif Pro staff and administrators.")
            .AuthorizeWithPolicy(CleaPolicies.Oversight)
            .Argument<NonNullGraphType<StringGraphType>>("number")
            .Argument<IsoDateGraphType>("paidOn")
            .ResolveAsync(async ctx =>
            {
                await CallerScope.EnsureCertifProOrAdminAsync(ctx);
                var db = ctx.RequestServices!.GetRequiredService<CleaDbContext>();
                var number = ctx.GetArgument<string>("number");
                var invoice = await db.Invoices.Include(i => i.Organism).SingleOrDefaultAsync(i => i.Number == number, ctx.CancellationToken)
                    ?? throw new ExecutionError($"No invoice is numbered '{number}'.") { Code = FeeErrors.InvoiceNotFound };
                invoice.MarkPaid(ctx.GetArgument<DateOnly?>("paidOn") ?? ctx.Today());
                await db.SaveChangesAsync(ctx.CancellationToken);
                return invoice;
            });
    }
}
