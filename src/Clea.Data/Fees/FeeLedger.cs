using Clea.Data.Access;
using Clea.Data.Common;
using Clea.Data.Registry;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Fees;

/// <summary>
/// The fee ledger (annexe 2) as callers use it: the grid of a year (public), invoices and fee lines within the caller's
/// organism scope, setting a year's grid, issuing a quarter's invoices and recording payments (Certif Pro's). Writes save once.
/// </summary>
public sealed class FeeLedger(CleaDbContext db, TimeProvider time)
{
    /// <summary>The grid in force in <paramref name="year"/>: for each fee, the newest row of that year or before.</summary>
    public async Task<List<FeeTariff>> TariffsInForceAsync(int year, CancellationToken ct)
    {
        var rows = await db.FeeTariffs.AsNoTracking().Where(t => t.FromYear <= year).ToListAsync(ct);
        return [.. rows.GroupBy(t => (t.Kind, t.Certification)).Select(g => g.MaxBy(t => t.FromYear)!).OrderBy(t => t.Kind).ThenBy(t => t.Certification)];
    }

    /// <summary>The invoices the caller may see, optionally one organism's, optionally only (or all but) the overdue ones.</summary>
    public async Task<IQueryable<Invoice>> InvoicesAsync(Siren? siren, bool? overdue, ICurrentCaller caller, CancellationToken ct)
    {
        var invoices = db.Invoices.AsNoTracking();
        if ((await OrganismScope.OfAsync(caller, ct)).VisibleOrganismIds(db) is { } visible) invoices = invoices.Where(i => visible.Contains(i.OrganismId));
        if (siren is { } one) invoices = invoices.Where(i => i.Organism.Siren == one);
        if (overdue is { } late)
        {
            var today = time.Today();
            invoices = late ? invoices.Where(i => i.PaidOn == null && i.DueOn < today) : invoices.Where(i => i.PaidOn != null || i.DueOn >= today);
        }
        return invoices;
    }

    /// <summary>The fee lines the caller may see, optionally one organism's, optionally only invoiced (or not yet invoiced) ones.</summary>
    public async Task<IQueryable<FeeLine>> LinesAsync(Siren? siren, bool? invoiced, ICurrentCaller caller, CancellationToken ct)
    {
        var lines = db.FeeLines.AsNoTracking();
        if ((await OrganismScope.OfAsync(caller, ct)).VisibleOrganismIds(db) is { } visible) lines = lines.Where(l => visible.Contains(l.OrganismId));
        if (siren is { } one) lines = lines.Where(l => db.Organisms.Any(o => o.Id == l.OrganismId && o.Siren == one));
        if (invoiced is { } billed) lines = billed ? lines.Where(l => l.InvoiceId != null) : lines.Where(l => l.InvoiceId == null);
        return lines;
    }

    public async Task<IReadOnlyList<FeeTariff>> SetGridAsync(int year, IReadOnlyList<FeeAmount> amounts, CancellationToken ct)
    {
        var rows = await Billing.SetGridAsync(db, year, amounts, ct);
        await db.SaveChangesAsync(ct);
        return rows;
    }

    public async Task<IReadOnlyList<Invoice>> IssueInvoicesAsync(int year, int quarter, ICurrentCaller caller, CancellationToken ct)
    {
        (await OrganismScope.OfAsync(caller, ct)).EnsureCertifProOrAdmin();
        var invoices = await Billing.IssueQuarterAsync(db, year, quarter, time.Today(), ct);
        await db.SaveChangesAsync(ct);
        return invoices;
    }

    public async Task<Invoice> MarkPaidAsync(string number, DateOnly? paidOn, ICurrentCaller caller, CancellationToken ct)
    {
        (await OrganismScope.OfAsync(caller, ct)).EnsureCertifProOrAdmin();
        var invoice = await db.Invoices.Include(i => i.Organism).SingleOrDefaultAsync(i => i.Number == number, ct)
            ?? throw new DomainRuleException(FeeErrors.InvoiceNotFound, $"No invoice is numbered '{number}'.");
        invoice.MarkPaid(paidOn ?? time.Today());
        await db.SaveChangesAsync(ct);
        return invoice;
    }
}
