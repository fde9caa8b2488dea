using Clea.Data.Common;

namespace Clea.Data.Dashboard;

/// <summary>
/// The period an organism's activity figures cover: every day from <see cref="From"/> to <see cref="To"/>, both
/// included, at most <see cref="MaxMonths"/> calendar months (the monthly series has one entry per month it touches).
/// </summary>
public readonly record struct ActivityPeriod
{
    /// <summary>Ten years: a whole habilitation (3 + 3 years) and more, with a bounded monthly series.</summary>
    public const int MaxMonths = 120;

    public DateOnly From { get; }
    public DateOnly To { get; }

    private ActivityPeriod(DateOnly from, DateOnly to)
    {
        From = from;
        To = to;
    }

    /// <summary>The period from <paramref name="from"/> to <paramref name="to"/>; refused when reversed or longer than <see cref="MaxMonths"/> months.</summary>
    public static ActivityPeriod Create(DateOnly from, DateOnly to)
    {
        if (to < from)
            throw new DomainRuleException(DashboardErrors.InvalidPeriod,
                $"An activity period ends on or after its first day: {to:yyyy-MM-dd} is before {from:yyyy-MM-dd}.");
        var period = new ActivityPeriod(from, to);
        if (period.Months.Count > MaxMonths)
            throw new DomainRuleException(DashboardErrors.InvalidPeriod,
                $"An activity period covers at most {MaxMonths} calendar months; {from:yyyy-MM-dd} to {to:yyyy-MM-dd} covers {period.Months.Count}.");
        return period;
    }

    /// <summary>The first day of every calendar month the period touches, in order.</summary>
    public IReadOnlyList<DateOnly> Months
    {
        get
        {
            var months = new List<DateOnly>();
            for (var month = new DateOnly(From.Year, From.Month, 1); month <= To; month = month.AddMonths(1)) months.Add(month);
            return months;
        }
    }

    public bool Contains(DateOnly date) => From <= date && date <= To;
}

/// <summary>Stable error codes of the dashboard (documented in the README).</summary>
public static class DashboardErrors
{
    public const string InvalidPeriod = "INVALID_PERIOD";
}
