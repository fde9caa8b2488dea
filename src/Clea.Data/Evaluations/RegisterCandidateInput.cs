using Clea.Data.Referentials;

namespace Clea.Data.Evaluations;

/// <summary>A candidate's registration as the organism gives it (also an item of a bulk recording, hashed for idempotence).</summary>
public sealed class RegisterCandidateInput
{
    public string Siret { get; set; } = "";
    public CertificationCode Certification { get; set; }
    public DateOnly? RegisteredOn { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public DateOnly BirthDate { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public FundingScheme Funding { get; set; }
    public string? Accommodations { get; set; }

    public CandidateIdentity ToIdentity() => new(FirstName, LastName, BirthDate, Email, Phone, Funding, Accommodations);
}
