using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Clea.Data.Onboarding;

/// <summary>
/// The secrets of single-use links: 256 random bits, URL-safe. Only their SHA-256 is stored (a stolen database yields no
/// usable link); a token that is random and long needs no salt or slow hash.
/// </summary>
public static class SecretToken
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string? token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? string.Empty)));
}

/// <summary>Builds the links of account e-mails (implemented by the identity server, which knows its public address).</summary>
public interface IAccountLinks
{
    string Confirmation(string token);
    string Invitation(string token);
    string SignIn();
}
