namespace Clea.Data.Habilitations;

/// <summary>One verification request: an organism by its SIREN, or a site by its SIRET (exactly one of them).</summary>
public sealed class VerificationRequest
{
    public string? Siren { get; set; }
    public string? Siret { get; set; }
}
