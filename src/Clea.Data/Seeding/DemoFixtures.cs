namespace Clea.Data.Seeding;

/// <summary>
/// Named demo organisms with fixed SIRENs, for tests and the README's examples. Each holds exactly one habilitation,
/// for CléA Numérique unless noted, decided by Certif Pro unless noted, whose status is the one documented here on the
/// demo's "today" (the day the demo data was generated; dates are relative to it). All are Qualiopi unless noted, and
/// all have one open head office unless noted.
/// </summary>
public static class DemoFixtures
{
    /// <summary>Formation Plus Lyon (Lyon, 69): active, train and evaluate, Qualiopi — eligible for EDOF.</summary>
    public const string ActiveQualiopi = "900000019";

    /// <summary>Savoirs Clés Rennes (Rennes, 35): expired — its last valid day was yesterday (never used, so not renewed).</summary>
    public const string ExpiredYesterday = "900000027";

    /// <summary>Compétences &amp; Avenir Bordeaux (Bordeaux, 33): active, and today is its last valid day (expired tomorrow).</summary>
    public const string ValidUntilToday = "900000035";

    /// <summary>Atelier des Savoirs Nantes (Nantes, 44): suspended since 20 days ago (open suspension).</summary>
    public const string Suspended = "900000043";

    /// <summary>Élan Formation Marseille (Marseille, 13): withdrawn 30 days ago, after a suspension.</summary>
    public const string Withdrawn = "900000050";

    /// <summary>Horizon Compétences Lille (Lille, 59): renounced — notice given 4 months ago, ended about a month ago.</summary>
    public const string Renounced = "900000068";

    /// <summary>Cap Métiers Strasbourg (Strasbourg, 67): application refused 60 days ago.</summary>
    public const string Refused = "900000076";

    /// <summary>Trajectoires Formation Toulouse (Toulouse, 31): application filed 30 days ago, not decided: pending.</summary>
    public const string Pending = "900000084";

    /// <summary>GRETA Paris Est (Paris, 75): active in its automatic renewal (used during the first period, renewed once).</summary>
    public const string Renewed = "900000092";

    /// <summary>
    /// Académie des Métiers de l'Industrie Grenoble (Grenoble, 38): active, decided by CPNE_METALLURGIE, professional
    /// field "Métallurgie".
    /// </summary>
    public const string CpneScoped = "900000100";

    /// <summary>Passerelles Emploi Orléans (Orléans, 45): active, train and evaluate, NOT Qualiopi — not eligible for EDOF.</summary>
    public const string NotQualiopi = "900000118";

    /// <summary>
    /// Maison de la Formation Clermont-Ferrand (Clermont-Ferrand, 63): active; its second site
    /// (<see cref="ClosedSiteSiret"/>, Riom) was closed 10 days ago.
    /// </summary>
    public const string ClosedSite = "900000126";

    /// <summary>The closed site of <see cref="ClosedSite"/> (establishment 0002).</summary>
    public const string ClosedSiteSiret = "90000012600020";

    /// <summary>
    /// The organism with a rich dashboard: <see cref="Renewed"/> (GRETA Paris Est, CléA Numérique since about four years),
    /// with hundreds of candidates registered since the fee grid's first year at its head office, their prior and final
    /// evaluations, training paths, jury decisions, certificates and fee lines. The other fixtures have no candidates.
    /// </summary>
    public const string RichDashboard = Renewed;

    /// <summary>
    /// A certificate of <see cref="RichDashboard"/> for the README's certificate verification example: issued 108 days
    /// before the demo's day to Inès <see cref="CertificateHolderLastName"/> (prior evaluation 117 days before, every
    /// sub-competence acquired).
    /// </summary>
    public const string CertificateNumber = "CLEA-2026-CERT-DEM0-0001-3";

    /// <summary>The last name of the holder of <see cref="CertificateNumber"/>.</summary>
    public const string CertificateHolderLastName = "Lefèvre";

    /// <summary>Every fixture SIREN, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ActiveQualiopi, ExpiredYesterday, ValidUntilToday, Suspended, Withdrawn, Renounced, Refused, Pending, Renewed,
        CpneScoped, NotQualiopi, ClosedSite,
    ];
}
