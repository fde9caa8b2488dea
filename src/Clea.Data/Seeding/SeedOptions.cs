namespace Clea.Data.Seeding;

/// <summary>Configuration section <c>Seed</c>: what the start-up initializer loads besides the reference data.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Load the generated demonstration organisms (never in production).</summary>
    public bool Demo { get; set; }

    /// <summary>Seed of the demo generator: the same seed and the same day give the same organisms.</summary>
    public int DemoSeed { get; set; } = 20261125;

    /// <summary>How many demo organisms to create, the named <see cref="DemoFixtures"/> included.</summary>
    public int DemoOrganisms { get; set; } = 320;

    /// <summary>
    /// Also give the demo organisms candidates, evaluations and certificates (the organism dashboard's figures). Most tests
    /// turn it off: they need organisms and habilitations only, and start faster without.
    /// </summary>
    public bool DemoActivity { get; set; } = true;
}
