using Clea.Auth.Policies;
using Clea.Data.Fees;
using Clea.Graph.Common;
using Clea.Graph.Referentials;
using Clea.Graph.Registry;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Fees;

public sealed class FeeKindEnum : EnumerationGraphType<FeeKind>
{
    public FeeKindEnum() => Name = "FeeKind";
}

public sealed class FeeTariffType : ObjectGraphType<FeeTariff>
{
    public FeeTariffType()
    {
        Name = "FeeTariff";
        Description = "An amount of the fee grid (annexe 2), in force from a year until a later row replaces it.";
        Field(t => t.Kind, type: typeof(NonNullGraphType<FeeKindEnum>));
        Field(t => t.Certification, type: typeof(CertificationCodeEnum)).Description("Null when the amount is the same for every certification.");
        Field(t => t.FromYear);
        Field(t => t.Amount).Description("Euros, net of VAT.");
    }
}

public sealed class FeeLineType : ObjectGraphType<FeeLine>
{
    public FeeLineType()
    {
        Name = "FeeLine";
        Description = "A fee owed by an organism, accrued when the fact was recorded; invoiced later. The organism's staff, Certif Pro staff, a CPNE within its field, administrators.";
        this.AuthorizeWithPolicy(CleaPolicies.OrganismData);
        Field(l => l.Kind, type: typeof(NonNullGraphType<FeeKindEnum>));
        Field(l => l.Certification, type: typeof(CertificationCodeEnum));
        Field<NonNullGraphType<IsoDateGraphType>>("accruedOn").Resolve(ctx => ctx.Source.AccruedOn);
        Field(l => l.Amount).Description("Euros, net of VAT, at the grid of the year it accrued.");
        Field(l => l.SourceKey).Description("The fact charged (e.g. site:12:CleaNumerique:2026); never charged twice.");
        Field<IdGraphType>("invoiceId").Description("The invoice that bills it; null until invoiced.")
            .Resolve(ctx => ctx.Source.InvoiceId is { } id ? NodeIds.Encode(NodeIds.Invoice, id) : null);
        Field<NonNullGraphType<OrganismType>>("organism")
            .Resolve(ctx => ctx.Service<OrganismByIdLoader>().Load(ctx.Source.OrganismId).Then(o => o!));
    }
}

public sealed class InvoiceType : ObjectGraphType<Invoice>
{
    public InvoiceType()
    {
        Name = "Invoice";
        Description = "A quarterly invoice, payable within 45 calendar days. The organism's staff, Certif Pro staff, a CPNE within its field, administrators.";
        this.AuthorizeWithPolicy(CleaPolicies.OrganismData);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => NodeIds.Encode(NodeIds.Invoice, ctx.Source.Id));
        Field(i => i.Number).Description("{year}-T{quarter}-{SIREN}.");
        Field(i => i.Year);
        Field(i => i.Quarter);
        Field<NonNullGraphType<IsoDateGraphType>>("issuedOn").Resolve(ctx => ctx.Source.IssuedOn);
        Field<NonNullGraphType<IsoDateGraphType>>("dueOn").Description("Last day to pay: 45 calendar days after issue.").Resolve(ctx => ctx.Source.DueOn);
        Field(i => i.Total).Description("Euros, net of VAT.");
        Field<IsoDateGraphType>("paidOn").Resolve(ctx => ctx.Source.PaidOn);
        Field<NonNullGraphType<BooleanGraphType>>("overdue").Description("Unpaid after its due date, as of today.")
            .Resolve(ctx => ctx.Source.IsOverdueOn(ctx.Today()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FeeLineType>>>>("lines")
            .Resolve(ctx => ctx.Service<FeeLinesByInvoiceLoader>().Load(ctx.Source.Id));
        Field<NonNullGraphType<OrganismType>>("organism")
            .Resolve(ctx => ctx.Service<OrganismByIdLoader>().Load(ctx.Source.OrganismId).Then(o => o!));
    }
}

public sealed class InvoiceConnectionType() : ConnectionGraphType<InvoiceType, InvoiceEdgeType, Invoice>("Invoice");

public sealed class InvoiceEdgeType() : EdgeGraphType<InvoiceType, Invoice>("Invoice");

public sealed class FeeLineConnectionType() : ConnectionGraphType<FeeLineType, FeeLineEdgeType, FeeLine>("FeeLine");

public sealed class FeeLineEdgeType() : EdgeGraphType<FeeLineType, FeeLine>("FeeLine");

public sealed class FeeAmountInputType : InputObjectGraphType<FeeAmount>
{
    public FeeAmountInputType()
    {
        Name = "FeeAmountInput";
        Field(a => a.Kind, type: typeof(NonNullGraphType<FeeKindEnum>));
        Field(a => a.Certification, type: typeof(CertificationCodeEnum)).Description("Omit for the application fee.");
        Field(a => a.Amount).Description("Euros, net of VAT, at most 2 decimals.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
        => new FeeAmount((FeeKind)value["kind"]!, value.TryGetValue("certification", out var c) ? (Clea.Data.Referentials.CertificationCode?)c : null,
            Convert.ToDecimal(value["amount"], System.Globalization.CultureInfo.InvariantCulture));
}
