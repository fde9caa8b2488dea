using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;

namespace Clea.Auth.Server;

/// <summary>
/// Where the signing and encryption keys come from. Development (and tests) use ephemeral keys unless certificates are
/// configured: tokens then die with the process, and nothing depends on the machine's certificate store. Every other
/// environment must configure both certificates and the issuer, shared by every node; start-up fails otherwise.
/// </summary>
public static class IdentityKeys
{
    /// <summary>The configuration keys missing outside Development, empty when none is.</summary>
    public static IReadOnlyList<string> MissingProductionSettings(CleaIdentityOptions options)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Issuer)) missing.Add($"{CleaIdentityOptions.Section}:{nameof(options.Issuer)}");
        if (string.IsNullOrWhiteSpace(options.SigningCertificatePath))
            missing.Add($"{CleaIdentityOptions.Section}:{nameof(options.SigningCertificatePath)}");
        if (string.IsNullOrWhiteSpace(options.EncryptionCertificatePath))
            missing.Add($"{CleaIdentityOptions.Section}:{nameof(options.EncryptionCertificatePath)}");
        return missing;
    }

    internal static void Configure(OpenIddictServerBuilder server, CleaIdentityOptions options, bool development)
    {
        if (!development)
        {
            var missing = MissingProductionSettings(options);
            if (missing.Count > 0)
                throw new InvalidOperationException(
                    $"The identity server cannot start outside Development without its keys: set {string.Join(", ", missing)} " +
                    "(PKCS#12 certificates shared by every node, with ...CertificatePassword when protected, and the public issuer URI). " +
                    "See docs/identity.md, 'Production keys'.");
        }

        if (!string.IsNullOrWhiteSpace(options.Issuer)) server.SetIssuer(new Uri(options.Issuer, UriKind.Absolute));

        if (string.IsNullOrWhiteSpace(options.SigningCertificatePath)) server.AddEphemeralSigningKey();
        else server.AddSigningCertificate(Load(options.SigningCertificatePath, options.SigningCertificatePassword, "SigningCertificatePath"));

        if (string.IsNullOrWhiteSpace(options.EncryptionCertificatePath)) server.AddEphemeralEncryptionKey();
        else server.AddEncryptionCertificate(Load(options.EncryptionCertificatePath, options.EncryptionCertificatePassword, "EncryptionCertificatePath"));
    }

    private static X509Certificate2 Load(string path, string? password, string key)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException($"{CleaIdentityOptions.Section}:{key} names '{path}', which does not exist.");
        return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
    }
}
