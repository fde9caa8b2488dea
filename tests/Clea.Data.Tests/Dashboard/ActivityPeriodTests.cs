using Clea.Data.Common;
using Clea.Data.Dashboard;

namespace Clea.Data.Tests.Dashboard;

public sealed class ActivityPeriodTests
{
    [Fact]
    public void A_period_of_one_day_is_allowed_and_touches_one_month()
    {
        var day = new DateOnly(2026, 3, 31);
        var period = ActivityPeriod.Create(day, day);
        Assert.Equal([new DateOnly(2026, 3, 1)], period.Months);
        Assert.True(period.Contains(day));
        Assert.False(period.Contains(day.AddDays(1)));
    }

    [Fact]
    public void A_period_ending_before_it_starts_is_refused()
    {
        var error = Assert.Throws<DomainRuleException>(() => ActivityPeriod.Create(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 1)));
        Assert.Equal(DashboardErrors.InvalidPeriod, error.Code);
    }

    [Fact]
    public void A_period_may_touch_120_calendar_months_but_not_121()
    {
        var longest = ActivityPeriod.Create(new DateOnly(2016, 12, 31), new DateOnly(2026, 11, 1));
        Assert.Equal(ActivityPeriod.MaxMonths, longest.Months.Count);
        Assert.Equal(new DateOnly(2016, 12, 1), longest.Months[0]);
        Assert.Equal(new DateOnly(2026, 11, 1), longest.Months[^1]);

        var error = Assert.Throws<DomainRuleException>(() => ActivityPeriod.Create(new DateOnly(2016, 12, 31), new DateOnly(2026, 12, 1)));
        Assert.Equal(DashboardErrors.InvalidPeriod, error.Code);
    }

    [Theory]
    [InlineData(new[] { 5 }, 5.0)]
    [InlineData(new[] { 9, 1, 5 }, 5.0)]
    [InlineData(new[] { 1, 2, 3, 10 }, 2.5)]
    [InlineData(new[] { 4, 4, 4, 8 }, 4.0)]
    public void The_median_of_a_distribution_is_its_middle_value_or_the_mean_of_its_two_middle_values(int[] values, double median)
    {
        var distribution = values.GroupBy(v => v).Select(g => (g.Key, g.Count()));
        Assert.Equal(median, OrganismActivityQuery.Median(distribution));
        Assert.Null(OrganismActivityQuery.Median([]));
    }
}
