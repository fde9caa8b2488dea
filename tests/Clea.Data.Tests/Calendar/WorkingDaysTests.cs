using System.Globalization;
using Clea.Data.Calendar;

namespace Clea.Data.Tests.Calendar;

public sealed class WorkingDaysTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-04-03", 1, "2026-04-07")] // Good Friday → Easter Monday skipped
    [InlineData("2026-04-30", 1, "2026-05-04")] // 1 May is a Friday
    [InlineData("2026-05-07", 1, "2026-05-11")] // 8 May is a Friday
    [InlineData("2026-05-13", 1, "2026-05-15")] // Ascension Thursday 14 May
    [InlineData("2026-05-22", 1, "2026-05-26")] // Whit Monday 25 May
    [InlineData("2026-11-20", 1, "2026-11-23")] // weekend
    [InlineData("2026-11-21", 1, "2026-11-23")] // from a Saturday
    [InlineData("2026-12-24", 1, "2026-12-28")] // Christmas Friday
    [InlineData("2026-12-31", 1, "2027-01-04")] // year end: 1 January 2027 is a Friday
    [InlineData("2026-04-30", 5, "2026-05-11")] // 1 May and 8 May in the same stretch
    [InlineData("2026-04-07", -1, "2026-04-03")] // backwards over Easter Monday
    [InlineData("2027-01-04", -1, "2026-12-31")] // backwards over the year end
    [InlineData("2026-11-21", 0, "2026-11-21")]
    public void Add_skips_weekends_and_public_holidays(string from, int count, string expected)
        => Assert.Equal(D(expected), WorkingDays.Add(D(from), count));

    [Theory]
    [InlineData("2026-04-03", "2026-04-07", 1)]
    [InlineData("2026-04-30", "2026-05-11", 5)]
    [InlineData("2026-05-13", "2026-05-15", 1)]
    [InlineData("2026-12-24", "2027-01-04", 5)] // 28, 29, 30, 31 Dec and 4 Jan
    [InlineData("2026-11-24", "2026-11-24", 0)]
    [InlineData("2026-05-11", "2026-04-30", -5)]
    public void Between_counts_the_working_days_after_the_first_date_up_to_the_second(string from, string to, int expected)
        => Assert.Equal(expected, WorkingDays.Between(D(from), D(to)));

    [Fact]
    public void Add_and_Between_agree_for_every_start_day_of_two_years()
    {
        for (var date = new DateOnly(2026, 1, 1); date < new DateOnly(2028, 1, 1); date = date.AddDays(1))
        foreach (var count in new[] { 1, 5, 8, 10, 20, 25, 30 })
        {
            var target = WorkingDays.Add(date, count);
            Assert.True(WorkingDays.IsWorkingDay(target));
            Assert.Equal(count, WorkingDays.Between(date, target));
            Assert.Equal(count - 1, WorkingDays.Between(date, target.AddDays(-1)));
        }
    }

    [Fact]
    public void Weekends_and_holidays_are_not_working_days()
    {
        Assert.False(WorkingDays.IsWorkingDay(D("2026-11-21"))); // Saturday
        Assert.False(WorkingDays.IsWorkingDay(D("2026-11-22"))); // Sunday
        Assert.False(WorkingDays.IsWorkingDay(D("2026-11-11"))); // Armistice, a Wednesday
        Assert.True(WorkingDays.IsWorkingDay(D("2026-11-24")));
    }
}
