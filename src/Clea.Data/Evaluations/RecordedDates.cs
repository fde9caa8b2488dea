using Clea.Data.Common;

namespace Clea.Data.Evaluations;

/// <summary>Facts are recorded once they happened: a date after today is a typing mistake.</summary>
public static class RecordedDates
{
    public static DateOnly NotAfter(DateOnly date, DateOnly today, string what)
        => date <= today ? date : throw new DomainRuleException(EvaluationErrors.DateInFuture,
            $"The {what} date {date:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}): record facts once they happened.");
}
