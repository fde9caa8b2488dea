namespace Clea.Data.Evaluations;

/// <summary>A candidate's personal data as given at registration.</summary>
public sealed record CandidateIdentity(
    string FirstName,
    string LastName,
    DateOnly BirthDate,
    string? Email,
    string? Phone,
    FundingScheme Funding,
    string? Accommodations = null);
