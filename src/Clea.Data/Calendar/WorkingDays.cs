namespace Clea.Data.Calendar;

/// <summary>
/// French working days ("jours ouvrés"): Monday to Friday, public holidays excluded. Every deadline the convention
/// counts in working days goes through here.
/// </summary>
public static class WorkingDays
{
    public static bool IsWorkingDay(DateOnly date)
        => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !FrenchHolidays.IsHoliday(date);

    /// <summary>
    /// The date <paramref name="count"/> working days after <paramref name="from"/> (before it when negative):
    /// <paramref name="from"/> itself is not counted, so <c>Add(friday, 1)</c> is the next Monday.
    /// </summary>
    public static DateOnly Add(DateOnly from, int count)
    {
        var step = Math.Sign(count);
        var date = from;
        for (var left = Math.Abs(count); left > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date)) left--;
        }
        return date;
    }

    /// <summary>Working days in (<paramref name="from"/>, <paramref name="to"/>]: the count of days after one event up to another.</summary>
    public static int Between(DateOnly from, DateOnly to)
    {
        if (to < from) return -Between(to, from);
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
            if (IsWorkingDay(date)) count++;
        return count;
    }
}
