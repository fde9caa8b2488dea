using Clea.Data.Intervenants;
using Clea.Data.Registry;

namespace Clea.Data.Applications;

/// <summary>The administrative part taken from the registry profiles at filing (or at an answer), completed by the input.</summary>
public static class ApplicationSnapshots
{
    /// <summary>A candidate's identity, its last 3 closed years of turnover and its sites open on <paramref name="on"/> (unless listed in the input).</summary>
    public static CandidateSnapshot Candidate(Organism organism, DateOnly on, IReadOnlyList<SiteSnapshot>? sites = null)
        => new(organism.Siren.Value, organism.Name, organism.NafCode, organism.DeclarationNumber, organism.Qualiopi,
            [.. organism.Turnover.Where(t => t.Year >= on.Year - ApplicationRules.TurnoverYears && t.Year < on.Year)
                .OrderBy(t => t.Year).Select(t => new TurnoverSnapshot(t.Year, t.AmountEuros))],
            sites ?? [.. organism.Sites.Where(s => s.IsOpenOn(on)).OrderByDescending(s => s.HeadOffice).ThenBy(s => s.Siret.Value)
                .Select(s => new SiteSnapshot(s.Siret.Value, s.Name, s.Address.Street, s.Address.PostalCode, s.Address.City, s.Address.DepartmentCode))]);

    public static IntervenantSnapshot Intervenant(Intervenant intervenant)
        => new(intervenant.FirstName, intervenant.LastName, intervenant.Evaluator, intervenant.Trainer, intervenant.RemoteEvaluation, [.. intervenant.Qualifications]);

    public static ContactSnapshot? Contact(Contact? contact) => contact is null ? null : new(contact.Name, contact.Email, contact.Phone);
}
