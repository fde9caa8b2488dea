using Clea.Data.Common;
using Clea.Data.Registry;

namespace Clea.Data.Intervenants;

/// <summary>
/// An evaluator and/or trainer of an organism (application form: CVs, diplomas, experience, remote-evaluation
/// competence); the organism's jury is composed from them. Personal data: visible to the organism, its Instances, its
/// auditors and administrators only, and every read is logged.
/// </summary>
public sealed class Intervenant
{
    public const int NameMaxLength = 100;
    public const int QualificationMaxLength = 300;
    public const int MaxQualifications = 20;

    public int Id { get; private set; }
    public int OrganismId { get; private set; }
    public string FirstName { get; private set; } = null!;
    public string LastName { get; private set; } = null!;
    public bool Evaluator { get; private set; }
    public bool Trainer { get; private set; }
    /// <summary>Diplomas, certifications and relevant experience, as declared.</summary>
    public List<string> Qualifications { get; private set; } = [];
    /// <summary>Trained and able to run remote evaluations (annexe 3: reinforced support, synchronous phases).</summary>
    public bool RemoteEvaluation { get; private set; }
    public DateOnly DeclaredOn { get; private set; }
    /// <summary>First day the intervenant no longer works for the organism under the habilitation.</summary>
    public DateOnly? WithdrawnOn { get; private set; }

    private Intervenant() { }

    /// <summary>Declares an intervenant of <paramref name="organism"/>: at least one role, names, sensible qualifications.</summary>
    public static Intervenant Declare(Organism organism, string firstName, string lastName, bool evaluator, bool trainer,
        IReadOnlyList<string> qualifications, bool remoteEvaluation, DateOnly on)
    {
        if (!evaluator && !trainer)
            throw new DomainRuleException(IntervenantErrors.RoleRequired, "An intervenant evaluates, trains, or both: give at least one role.");
        if (remoteEvaluation && !evaluator)
            throw new DomainRuleException(IntervenantErrors.RemoteEvaluationRequiresEvaluator, "Remote-evaluation competence applies to evaluators only.");
        var cleaned = qualifications.Select(q => q.Trim()).Where(q => q.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (cleaned.Count > MaxQualifications || cleaned.Any(q => q.Length > QualificationMaxLength))
            throw new DomainRuleException(IntervenantErrors.InvalidQualifications,
                $"Declare at most {MaxQualifications} qualifications of at most {QualificationMaxLength} characters each.");
        return new Intervenant
        {
            OrganismId = organism.Id,
            FirstName = Name(firstName, "first name"),
            LastName = Name(lastName, "last name"),
            Evaluator = evaluator,
            Trainer = trainer,
            Qualifications = cleaned,
            RemoteEvaluation = remoteEvaluation,
            DeclaredOn = on,
        };
    }

    public bool IsActiveOn(DateOnly date) => DeclaredOn <= date && (WithdrawnOn is null || WithdrawnOn > date);

    /// <summary>The intervenant leaves the organism's team from <paramref name="on"/>; the history stays.</summary>
    public void Withdraw(DateOnly on)
    {
        if (WithdrawnOn is not null)
            throw new DomainRuleException(IntervenantErrors.AlreadyWithdrawn, $"This intervenant was already withdrawn on {WithdrawnOn:yyyy-MM-dd}.");
        if (on < DeclaredOn)
            throw new DomainRuleException(IntervenantErrors.WithdrawnBeforeDeclared, $"An intervenant declared on {DeclaredOn:yyyy-MM-dd} cannot leave before that.");
        WithdrawnOn = on;
    }

    private static string Name(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > NameMaxLength)
            throw new DomainRuleException(RegistryErrors.NameRequired, $"An intervenant needs a {what} of at most {NameMaxLength} characters.");
        return value.Trim();
    }
}

/// <summary>Stable error codes of the intervenant rules (documented in the README).</summary>
public static class IntervenantErrors
{
    public const string RoleRequired = "INTERVENANT_ROLE_REQUIRED";
    public const string RemoteEvaluationRequiresEvaluator = "REMOTE_EVALUATION_REQUIRES_EVALUATOR";
    public const string InvalidQualifications = "INVALID_QUALIFICATIONS";
    public const string AlreadyWithdrawn = "INTERVENANT_ALREADY_WITHDRAWN";
    public const string WithdrawnBeforeDeclared = "INTERVENANT_WITHDRAWN_BEFORE_DECLARED";
    public const string NotFound = "INTERVENANT_NOT_FOUND";
}
