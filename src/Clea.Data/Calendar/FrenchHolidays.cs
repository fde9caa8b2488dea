namespace Clea.Data.Calendar;

/// <summary>
/// The French public holidays that make a day not worked (Code du travail L3133-1, metropolitan list): the fixed ones
/// and the three that follow Easter (Easter Monday, Ascension Thursday, Whit Monday).
/// </summary>
public static class FrenchHolidays
{
    /// <summary>
    /// The public holidays of <paramref name="year"/>, in date order, each date once (Ascension falls on 1 May in 2008
    /// and on 8 May in 2059, so some years have ten holiday dates).
    /// </summary>
    public static IReadOnlyList<DateOnly> Of(int year)
    {
        var easter = EasterSunday(year);
        return new[]
        {
            new DateOnly(year, 1, 1),
            easter.AddDays(1),   // Easter Monday
            new DateOnly(year, 5, 1),
            new DateOnly(year, 5, 8),
            easter.AddDays(39),  // Ascension Thursday
            easter.AddDays(50),  // Whit Monday
            new DateOnly(year, 7, 14),
            new DateOnly(year, 8, 15),
            new DateOnly(year, 11, 1),
            new DateOnly(year, 11, 11),
            new DateOnly(year, 12, 25),
        }.Distinct().Order().ToArray();
    }

    public static bool IsHoliday(DateOnly date) => Of(date.Year).Contains(date);

    /// <summary>Gregorian Easter Sunday (the anonymous "Meeus/Jones/Butcher" computus), valid for any Gregorian year.</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
