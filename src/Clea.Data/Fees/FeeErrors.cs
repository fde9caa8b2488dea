namespace Clea.Data.Fees;

/// <summary>Stable error codes of the fee rules (documented in the README).</summary>
public static class FeeErrors
{
    public const string NoTariff = "FEE_TARIFF_MISSING";
    public const string InvalidTariff = "INVALID_FEE_TARIFF";
    public const string InvalidQuarter = "INVALID_QUARTER";
    public const string QuarterNotEnded = "QUARTER_NOT_ENDED";
    public const string InvoiceNotFound = "INVOICE_NOT_FOUND";
    public const string InvoiceAlreadyPaid = "INVOICE_ALREADY_PAID";
    public const string PaymentBeforeIssue = "PAYMENT_BEFORE_ISSUE";
}
