using Clea.Data;
using Clea.Data.Fees;
using Clea.Graph.Common;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Fees;

/// <summary>The lines of invoices, batched.</summary>
public sealed class FeeLinesByInvoiceLoader(CleaDbContext db) : BatchListLoader<int, FeeLine>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<FeeLine>>> FetchAsync(IReadOnlyList<int> keys, CancellationToken ct)
        => Group(await db.FeeLines.AsNoTracking().Where(l => l.InvoiceId != null && keys.Contains(l.InvoiceId.Value)).OrderBy(l => l.Id).ToListAsync(ct),
            l => l.InvoiceId!.Value);
}
