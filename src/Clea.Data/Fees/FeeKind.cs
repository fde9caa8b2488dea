namespace Clea.Data.Fees;

/// <summary>What the organism pays Certif Pro for (convention, annexe 2).</summary>
public enum FeeKind
{
    /// <summary>Instruction of an application, first or renewal, due whether accepted or refused.</summary>
    Application,
    /// <summary>Per site or establishment registered, per year.</summary>
    SiteYearly,
    /// <summary>Per certificate awarded.</summary>
    Certificate,
    /// <summary>Per CléA Socle prior evaluation.</summary>
    PriorEvaluation,
}
