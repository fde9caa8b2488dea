namespace Clea.Auth.Server;

/// <summary>Configuration section <c>Identity</c>: the identity server's flows, lifetimes and keys.</summary>
public sealed class CleaIdentityOptions
{
    public const string Section = "Identity";

    /// <summary>
    /// Enables the resource-owner password grant (discouraged by RFC 9700 §2.4): Development and tests only. When false,
    /// the token endpoint answers <c>unsupported_grant_type</c>.
    /// </summary>
    public bool AllowPasswordGrant { get; set; }

    /// <summary>The issuer URI (required outside Development, where every node must announce the same one).</summary>
    public string? Issuer { get; set; }

    /// <summary>PKCS#12 (.pfx) file whose private key signs the tokens (required outside Development).</summary>
    public string? SigningCertificatePath { get; set; }
    public string? SigningCertificatePassword { get; set; }

    /// <summary>PKCS#12 (.pfx) file whose key encrypts the authorization codes and refresh tokens (required outside Development).</summary>
    public string? EncryptionCertificatePath { get; set; }
    public string? EncryptionCertificatePassword { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often expired or redeemed tokens and orphaned authorizations are deleted.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);
}
