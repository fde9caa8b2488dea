using Clea.Data.Common;
using Clea.Data.Referentials;

namespace Clea.Data.Fees;

/// <summary>The fee grid as a whole: which amount applies to a fee accrued on a given date.</summary>
public sealed class FeeSchedule(IEnumerable<FeeTariff> tariffs)
{
    private readonly FeeTariff[] _tariffs = tariffs.OrderByDescending(t => t.FromYear).ToArray();

    /// <summary>The amount in force in <paramref name="on"/>'s year: the newest row of that year or before.</summary>
    public decimal AmountFor(FeeKind kind, CertificationCode? certification, DateOnly on)
    {
        var tariff = _tariffs.FirstOrDefault(t => t.Kind == kind && t.FromYear <= on.Year
                && (t.Certification is null || t.Certification == certification))
            ?? throw new DomainRuleException(FeeErrors.NoTariff,
                $"No {kind} fee is set for {certification?.ToString() ?? "any certification"} in {on.Year}: the fee grid must be completed first.");
        return tariff.Amount;
    }
}
