using Clea.Data.Referentials;
using Clea.Data.Registry;

namespace Clea.Data.Fees;

/// <summary>
/// One fee owed by an organism (an application, a site-year, a certificate, a Socle prior evaluation), accrued when the
/// fact is recorded and invoiced later. <see cref="SourceKey"/> names the fact ("certificate:42", "site:17:2026") and is
/// unique, so recording the same fact twice never charges twice.
/// </summary>
public sealed class FeeLine
{
    public const int SourceKeyMaxLength = 100;

    public long Id { get; private set; }
    public int OrganismId { get; private set; }
    public Organism? Organism { get; private set; }
    public FeeKind Kind { get; private set; }
    public CertificationCode? Certification { get; private set; }
    public DateOnly AccruedOn { get; private set; }
    public decimal Amount { get; private set; }
    public string SourceKey { get; private set; } = null!;
    /// <summary>The invoice that bills this line; null until invoiced.</summary>
    public int? InvoiceId { get; private set; }

    private FeeLine() { }

    public FeeLine(Organism organism, FeeKind kind, CertificationCode? certification, DateOnly accruedOn, FeeSchedule schedule, string sourceKey)
    {
        if (organism.Id != 0) OrganismId = organism.Id; else Organism = organism;
        Kind = kind;
        Certification = certification;
        AccruedOn = accruedOn;
        Amount = schedule.AmountFor(kind, certification, accruedOn);
        SourceKey = sourceKey.Length <= SourceKeyMaxLength ? sourceKey : throw new ArgumentException("Source key too long.", nameof(sourceKey));
    }

    internal void BillOn(int invoiceId) => InvoiceId = invoiceId;
}
