using Clea.Data.Referentials;

namespace Clea.Data.Fees;

/// <summary>
/// An amount of the fee grid, in force from a year on: the board may change the grid every year, so a new row is added
/// for the year it changes and older fees keep the amount of their own year. <see cref="Certification"/> is null when the
/// amount does not depend on the certification (the application fee).
/// </summary>
public sealed class FeeTariff
{
    public int Id { get; private set; }
    public FeeKind Kind { get; private set; }
    public CertificationCode? Certification { get; private set; }
    public int FromYear { get; private set; }
    public decimal Amount { get; private set; }

    private FeeTariff() { }

    public FeeTariff(FeeKind kind, CertificationCode? certification, int fromYear, decimal amount)
    {
        if (amount < 0) throw new ArgumentOutOfRangeException(nameof(amount), amount, "A fee is never negative.");
        Kind = kind;
        Certification = certification;
        FromYear = fromYear;
        Amount = amount;
    }

    /// <summary>The board changes the amount of this row's year.</summary>
    internal void Change(decimal amount)
    {
        if (amount < 0) throw new ArgumentOutOfRangeException(nameof(amount), amount, "A fee is never negative.");
        Amount = amount;
    }

    /// <summary>The grid of annexe 2 of the 2024 convention, in force from 2024.</summary>
    public static IEnumerable<FeeTariff> Annexe2Grid(int fromYear = 2024) =>
    [
        new(FeeKind.Application, null, fromYear, 330m),
        new(FeeKind.SiteYearly, CertificationCode.CleaSocle, fromYear, 55m),
        new(FeeKind.SiteYearly, CertificationCode.CleaNumerique, fromYear, 33m),
        new(FeeKind.SiteYearly, CertificationCode.CleaManagement, fromYear, 33m),
        new(FeeKind.Certificate, CertificationCode.CleaSocle, fromYear, 5.50m),
        new(FeeKind.Certificate, CertificationCode.CleaNumerique, fromYear, 11m),
        new(FeeKind.Certificate, CertificationCode.CleaManagement, fromYear, 11m),
        new(FeeKind.PriorEvaluation, CertificationCode.CleaSocle, fromYear, 22m),
    ];
}
