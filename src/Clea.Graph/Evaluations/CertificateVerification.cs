using System.Security.Cryptography;
using System.Text;
using Clea.Data.Evaluations;
using Clea.Data.Referentials;
using Clea.Graph.Common;
using Clea.Graph.Http;
using Clea.Graph.Referentials;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Evaluations;

/// <summary>The public answer about a certificate: authentic or not, and if so only what identifies the award.</summary>
public sealed record CertificateVerificationResult(bool Authentic, CertificationCode? Certification, DateOnly? IssuedOn, string? OrganismSiren, string? OrganismName,
    CertificateIssuer? Issuer = null)
{
    public static readonly CertificateVerificationResult NotAuthentic = new(false, null, null, null, null);
}

public sealed class CertificateVerificationType : ObjectGraphType<CertificateVerificationResult>
{
    public CertificateVerificationType()
    {
        Name = "CertificateVerification";
        Description = "Whether a certificate number and a last name match a certificate issued on the platform. An unknown number and a wrong name get the same answer.";
        this.AllowAnonymous();
        Field(v => v.Authentic).Description("True when the number exists and the last name is its holder's.");
        Field<CertificationCodeEnum>("certification").Resolve(ctx => ctx.Source.Certification);
        Field<IsoDateGraphType>("issuedOn").Resolve(ctx => ctx.Source.IssuedOn);
        Field(v => v.OrganismSiren, nullable: true).Description("The SIREN of the habilitated organism that evaluated the holder (and issued it, except for CléA Socle: see issuer).");
        Field(v => v.OrganismName, nullable: true);
        Field<CertificateIssuerType>("issuer").Description("Who issued it: the organism, or for CléA Socle the Transitions Pro of the candidate's region.")
            .Resolve(ctx => ctx.Source.Issuer);
    }
}

/// <summary>
/// Public certificate verification (employers, CPF platforms). Only the certification, the issue date and the organism are
/// revealed. The stored name is a salted hash (it survives the erasure of personal data), compared in constant time;
/// an unknown or mistyped number runs the same query and the same hashing, so both failures look and take alike.
/// Guessing is throttled by a dedicated, stricter per-caller limit (<see cref="CertificateVerificationThrottle"/>).
/// </summary>
public sealed class CertificateVerificationQueries : IQueryFields
{
    /// <summary>A well-formed number that is never issued (its check character is wrong), used when the typed one is malformed.</summary>
    private const string Decoy = "CLEA-0000-0000-0000-0000-#";

    public void AddTo(ObjectGraphType query)
        => query.Field<NonNullGraphType<CertificateVerificationType>>("verifyCertificate")
            .Description("Confirms a CléA certificate from its number and its holder's last name (case and accents ignored). Rate-limited per caller.")
            .AllowAnonymous()
            .Argument<NonNullGraphType<StringGraphType>>("number")
            .Argument<NonNullGraphType<StringGraphType>>("lastName")
            .ResolveAsync(async ctx =>
            {
                ctx.Service<CertificateVerificationThrottle>().Acquire(ctx.User,
                    ctx.Service<IHttpContextAccessor>().HttpContext?.Connection.RemoteIpAddress?.ToString());
                var number = CertificateNumber.Normalize(ctx.GetArgument<string>("number")) ?? Decoy;
                var found = await ctx.Service<CertificateRegister>().FindAsync(number, ctx.CancellationToken);
                var typed = CertificateNumber.LastNameHash(number, ctx.GetArgument<string>("lastName"));
                var stored = found?.LastNameHash ?? new string('0', typed.Length);
                var match = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(typed), Encoding.ASCII.GetBytes(stored)) && found is not null;
                return match
                    ? new CertificateVerificationResult(true, found!.Certification, found.IssuedOn, found.Siren.Value, found.OrganismName,
                        new CertificateIssuer(found.IssuerKind, found.IssuerName, found.IssuerRegionCode))
                    : CertificateVerificationResult.NotAuthentic;
            });
}
