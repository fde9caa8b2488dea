using Clea.Data.Calendar;
using Clea.Data.Common;
using Clea.Data.Events;
using Clea.Data.Registry;

namespace Clea.Data.Fees;

/// <summary>
/// A quarterly invoice of one organism (annexe 2: invoiced at least quarterly, payable within 45 calendar days). It bills
/// every fee line of the organism accrued by the end of its quarter and not billed yet; one invoice per organism and
/// quarter, numbered "{year}-T{quarter}-{SIREN}", so issuing a quarter again issues nothing new.
/// </summary>
public sealed class Invoice : EventSource
{
    public const int NumberMaxLength = 32;

    private readonly List<FeeLine> _lines = [];

    public int Id { get; private set; }
    public string Number { get; private set; } = null!;
    public int OrganismId { get; private set; }
    public Organism Organism { get; private set; } = null!;
    public int Year { get; private set; }
    public int Quarter { get; private set; }
    public DateOnly IssuedOn { get; private set; }
    /// <summary>Last day to pay: 45 calendar days after the issue date (<see cref="Deadlines.InvoicePayment"/>).</summary>
    public DateOnly DueOn { get; private set; }
    public decimal Total { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    public IReadOnlyCollection<FeeLine> Lines => _lines;

    private Invoice() { }

    /// <summary>Invoices <paramref name="lines"/> (unbilled, accrued by the end of the quarter) to <paramref name="organism"/>.</summary>
    public static Invoice Issue(Organism organism, int year, int quarter, DateOnly issuedOn, IReadOnlyCollection<FeeLine> lines)
    {
        var end = QuarterEnd(year, quarter);
        if (issuedOn <= end)
            throw new DomainRuleException(FeeErrors.QuarterNotEnded,
                $"A quarter is invoiced once it has ended: {year} Q{quarter} ends on {end:yyyy-MM-dd}, so not on {issuedOn:yyyy-MM-dd}.");
        if (lines.Count == 0 || lines.Any(l => l.InvoiceId is not null || l.AccruedOn > end || (l.OrganismId != organism.Id && l.Organism != organism)))
            throw new ArgumentException("An invoice bills unbilled lines of its organism accrued by the end of its quarter.", nameof(lines));
        var invoice = new Invoice
        {
            Number = NumberFor(organism.Siren, year, quarter),
            Organism = organism,
            OrganismId = organism.Id,
            Year = year,
            Quarter = quarter,
            IssuedOn = issuedOn,
            DueOn = Deadlines.InvoicePayment.After(issuedOn),
            Total = lines.Sum(l => l.Amount),
        };
        invoice._lines.AddRange(lines);
        invoice.Raise(new LifecycleEvent(LifecycleEventKind.InvoiceIssued, issuedOn, organism,
            $"{lines.Count} fee line(s), {invoice.Total:0.00} €, due by {invoice.DueOn:yyyy-MM-dd}.", invoice.Number));
        return invoice;
    }

    public void MarkPaid(DateOnly paidOn)
    {
        if (PaidOn is not null)
            throw new DomainRuleException(FeeErrors.InvoiceAlreadyPaid, $"Invoice {Number} was already paid on {PaidOn:yyyy-MM-dd}.");
        if (paidOn < IssuedOn)
            throw new DomainRuleException(FeeErrors.PaymentBeforeIssue, $"Invoice {Number} was issued on {IssuedOn:yyyy-MM-dd}: it cannot be paid on {paidOn:yyyy-MM-dd}.");
        PaidOn = paidOn;
        Raise(new LifecycleEvent(LifecycleEventKind.InvoicePaid, paidOn, Organism, $"{Total:0.00} € paid.", Number));
    }

    /// <summary>Unpaid after its due date: may lead to suspension or withdrawal (annexe 2).</summary>
    public bool IsOverdueOn(DateOnly date) => PaidOn is null && date > DueOn;

    public static string NumberFor(Siren siren, int year, int quarter) => $"{year}-T{quarter}-{siren}";

    public static DateOnly QuarterStart(int year, int quarter)
    {
        if (quarter is < 1 or > 4 || year is < 2000 or > 2100)
            throw new DomainRuleException(FeeErrors.InvalidQuarter, $"A quarter is 1 to 4 of a year between 2000 and 2100; {year} Q{quarter} was given.");
        return new DateOnly(year, 3 * quarter - 2, 1);
    }

    public static DateOnly QuarterEnd(int year, int quarter) => QuarterStart(year, quarter).AddMonths(3).AddDays(-1);

    /// <summary>The quarter before the one <paramref name="date"/> is in.</summary>
    public static (int Year, int Quarter) PreviousQuarter(DateOnly date)
    {
        var quarter = (date.Month - 1) / 3 + 1;
        return quarter == 1 ? (date.Year - 1, 4) : (date.Year, quarter - 1);
    }
}
