using Clea.Data.Calendar;

namespace Clea.Data.Tests.Calendar;

public sealed class FrenchHolidaysTests
{
    [Theory]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void Easter_Sunday_is_the_known_date_of_its_year(int year, string expected)
        => Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FrenchHolidays.EasterSunday(year));

    [Fact]
    public void The_eleven_public_holidays_of_2026_follow_Easter_on_5_April()
    {
        string[] expected =
        [
            "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25",
            "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25",
        ];
        Assert.Equal(expected, FrenchHolidays.Of(2026).Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_date_that_is_two_holidays_is_listed_once()
    {
        // 2008: Easter 23 March, Ascension on 1 May.
        var holidays = FrenchHolidays.Of(2008);
        Assert.Equal(10, holidays.Count);
        Assert.Single(holidays, d => d == new DateOnly(2008, 5, 1));
    }

    [Fact]
    public void Easter_based_holidays_move_with_Easter_from_year_to_year()
    {
        // 2024: Easter 31 March → Easter Monday 1 April, Ascension 9 May, Whit Monday 20 May.
        Assert.True(FrenchHolidays.IsHoliday(new DateOnly(2024, 4, 1)));
        Assert.True(FrenchHolidays.IsHoliday(new DateOnly(2024, 5, 9)));
        Assert.True(FrenchHolidays.IsHoliday(new DateOnly(2024, 5, 20)));
        // 2038: Easter 25 April → Easter Monday 26 April, Ascension 3 June, Whit Monday 14 June.
        Assert.True(FrenchHolidays.IsHoliday(new DateOnly(2038, 4, 26)));
        Assert.True(FrenchHolidays.IsHoliday(new DateOnly(2038, 6, 3)));
        Assert.True(FrenchHolidays.IsHoliday(new DateOnly(2038, 6, 14)));
        Assert.False(FrenchHolidays.IsHoliday(new DateOnly(2038, 4, 6)));
        // Easter Sunday itself and Good Friday are not public holidays in the metropolitan list.
        Assert.False(FrenchHolidays.IsHoliday(new DateOnly(2026, 4, 3)));
    }

    [Fact]
    public void Every_year_has_its_holidays_once_with_Ascension_on_a_Thursday_and_Whit_Monday_on_a_Monday()
    {
        for (var year = 1990; year <= 2100; year++)
        {
            var holidays = FrenchHolidays.Of(year);
            Assert.Equal(holidays.Count, holidays.Distinct().Count());
            Assert.InRange(holidays.Count, 10, 11);
            var easter = FrenchHolidays.EasterSunday(year);
            Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
            Assert.InRange(easter, new DateOnly(year, 3, 22), new DateOnly(year, 4, 25));
            Assert.Contains(holidays, d => d.DayOfWeek == DayOfWeek.Thursday && d == easter.AddDays(39));
            Assert.Contains(holidays, d => d.DayOfWeek == DayOfWeek.Monday && d == easter.AddDays(50));
        }
    }
}
