using Clea.Data.Common;
using Clea.Data.Fees;
using Clea.Data.Referentials;

namespace Clea.Data.Tests.Fees;

public sealed class FeeScheduleTests
{
    [Fact]
    public void The_annexe_2_grid_charges_each_fee_its_own_amount()
    {
        var grid = new FeeSchedule(FeeTariff.Annexe2Grid());
        var on = new DateOnly(2026, 3, 1);
        Assert.Equal(330m, grid.AmountFor(FeeKind.Application, CertificationCode.CleaSocle, on));
        Assert.Equal(330m, grid.AmountFor(FeeKind.Application, null, on));
        Assert.Equal(55m, grid.AmountFor(FeeKind.SiteYearly, CertificationCode.CleaSocle, on));
        Assert.Equal(33m, grid.AmountFor(FeeKind.SiteYearly, CertificationCode.CleaNumerique, on));
        Assert.Equal(5.50m, grid.AmountFor(FeeKind.Certificate, CertificationCode.CleaSocle, on));
        Assert.Equal(11m, grid.AmountFor(FeeKind.Certificate, CertificationCode.CleaManagement, on));
        Assert.Equal(22m, grid.AmountFor(FeeKind.PriorEvaluation, CertificationCode.CleaSocle, on));
    }

    [Fact]
    public void A_new_amount_applies_from_the_first_day_of_its_year_and_never_to_earlier_fees()
    {
        var grid = new FeeSchedule([.. FeeTariff.Annexe2Grid(2024), new FeeTariff(FeeKind.Certificate, CertificationCode.CleaNumerique, 2027, 12m)]);
        Assert.Equal(11m, grid.AmountFor(FeeKind.Certificate, CertificationCode.CleaNumerique, new DateOnly(2026, 12, 31)));
        Assert.Equal(12m, grid.AmountFor(FeeKind.Certificate, CertificationCode.CleaNumerique, new DateOnly(2027, 1, 1)));
        Assert.Equal(11m, grid.AmountFor(FeeKind.Certificate, CertificationCode.CleaManagement, new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void A_fee_with_no_amount_set_for_its_year_is_refused_rather_than_charged_zero()
    {
        var grid = new FeeSchedule(FeeTariff.Annexe2Grid(2024));
        var error = Assert.Throws<DomainRuleException>(() => grid.AmountFor(FeeKind.Certificate, CertificationCode.CleaSocle, new DateOnly(2023, 12, 31)));
        Assert.Equal(FeeErrors.NoTariff, error.Code);
        Assert.Throws<DomainRuleException>(() => grid.AmountFor(FeeKind.PriorEvaluation, CertificationCode.CleaNumerique, new DateOnly(2026, 1, 1)));
    }
}
