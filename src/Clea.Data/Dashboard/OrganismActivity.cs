using Clea.Data.Referentials;

namespace Clea.Data.Dashboard;

/// <summary>
/// What the figures are restricted to: a period, optionally one certification, optionally one site (a site belongs to
/// one organism, so a site filter is only ever combined with that organism).
/// </summary>
public readonly record struct ActivityFilter(ActivityPeriod Period, CertificationCode? Certification = null, int? SiteId = null);

/// <summary>The counts of one calendar month (the same definitions as the period's totals).</summary>
/// <param name="Month">The first day of the month.</param>
/// <param name="Registrations">Candidates registered in the month.</param>
/// <param name="PriorEvaluations">Prior evaluations held in the month.</param>
/// <param name="FinalEvaluations">Final evaluation sessions held in the month.</param>
/// <param name="Certified">Certificates issued in the month.</param>
public sealed record MonthlyActivity(DateOnly Month, int Registrations, int PriorEvaluations, int FinalEvaluations, int Certified);

/// <summary>
/// An organism's activity over a period, as the renewal application form asks for it ("nombre de dossiers inscrits,
/// d'évaluations préalables réalisées, d'évaluations finales réalisées, de personnes certifiées"), plus the success
/// rate, the median time to certificate and the fees not yet invoiced. Every count is of facts dated in the period.
/// </summary>
/// <param name="OrganismId">The organism.</param>
/// <param name="Filter">The period, certification and site the figures are restricted to.</param>
/// <param name="Registrations">Candidates registered in the period.</param>
/// <param name="PriorEvaluations">Prior evaluations held in the period (one per candidate at most).</param>
/// <param name="FinalEvaluations">Final evaluation sessions held in the period (a candidate may need several).</param>
/// <param name="Certified">Certificates issued in the period: people certified (one certificate per candidate).</param>
/// <param name="PriorEvaluatedAndCertified">Of the candidates whose prior evaluation was held in the period, those certified on or before its last day.</param>
/// <param name="MedianDaysToCertificate">Over the certificates issued in the period, the median number of days from the holder's prior evaluation to the certificate (the mean of the two middle values for an even count); null without certificate.</param>
/// <param name="FeesNotInvoiced">Fee lines of the organism accrued in the period and not yet invoiced (the certification filter applies; fees are not per site, so the site filter does not).</param>
/// <param name="Monthly">One entry per calendar month the period touches, months without activity included.</param>
public sealed record OrganismActivity(
    int OrganismId,
    ActivityFilter Filter,
    int Registrations,
    int PriorEvaluations,
    int FinalEvaluations,
    int Certified,
    int PriorEvaluatedAndCertified,
    double? MedianDaysToCertificate,
    decimal FeesNotInvoiced,
    IReadOnlyList<MonthlyActivity> Monthly)
{
    /// <summary><see cref="PriorEvaluatedAndCertified"/> / <see cref="PriorEvaluations"/>; null when no prior evaluation was held in the period.</summary>
    public double? SuccessRate => PriorEvaluations == 0 ? null : (double)PriorEvaluatedAndCertified / PriorEvaluations;
}
