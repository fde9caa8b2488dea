using Clea.Data.Seeding;

namespace Clea.Auth.Demo;

/// <summary>
/// The demonstration accounts, seeded only in Development with demo data (<c>Seed:Demo=true</c>). Tests and
/// docs/identity.md use these values; no other environment has an account with a known password.
/// </summary>
public static class DemoAccounts
{
    /// <summary>The password of every demo user.</summary>
    public const string Password = "Demo-2026!";

    /// <summary>The demo integrator (client credentials).</summary>
    public const string IntegratorClientId = "demo-integrator";
    public const string IntegratorClientSecret = "demo-integrator-secret";

    /// <summary>The public client people use (authorization code + PKCE, refresh, and the password grant where enabled).</summary>
    public const string WebClientId = "demo-web";
    /// <summary>Where <see cref="WebClientId"/> receives its authorization codes.</summary>
    public const string WebRedirectUri = "http://localhost:5080/demo/callback";

    public const string Admin = "admin@demo.clea";
    /// <summary>Instance staff of CERTIF_PRO.</summary>
    public const string CertifPro = "certifpro@demo.clea";
    /// <summary>Instance staff of CPNE_METALLURGIE.</summary>
    public const string Cpne = "cpne@demo.clea";
    /// <summary>Auditor of <see cref="DemoFixtures.Suspended"/> (an organism under audit, until audits exist).</summary>
    public const string Auditor = "auditor@demo.clea";
    /// <summary>Administrator (and staff) of <see cref="DemoFixtures.ActiveQualiopi"/>: may also invite and revoke its accounts.</summary>
    public const string Organism = "organism@demo.clea";
    /// <summary>Staff of <see cref="DemoFixtures.NotQualiopi"/>.</summary>
    public const string Organism2 = "organism2@demo.clea";

    public const string CertifProInstance = "CERTIF_PRO";
    public const string CpneInstance = "CPNE_METALLURGIE";

    /// <summary>Every demo user's e-mail address.</summary>
    public static IReadOnlyList<string> Users { get; } = [Admin, CertifPro, Cpne, Auditor, Organism, Organism2];
}
