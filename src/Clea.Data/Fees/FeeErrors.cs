namespace Clea.Data.Fees;

/// <summary>Stable error codes of the fee rules (documented in the README).</summary>
public static class FeeErrors
{
    public const string NoTariff = "FEE_TARIFF_MISSING";
}
