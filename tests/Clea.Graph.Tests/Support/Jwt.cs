using System.Text;
using System.Text.Json;

namespace Clea.Graph.Tests.Support;

/// <summary>Reads a JWT's payload (access tokens are signed, not encrypted): for assertions only, no validation.</summary>
public static class Jwt
{
    public static JsonElement Payload(string token)
    {
        var part = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(part))).RootElement.Clone();
    }

    /// <summary>The values of a claim, whether the JWT carries it as a string or an array.</summary>
    public static IReadOnlyList<string> Values(JsonElement payload, string claim)
        => !payload.TryGetProperty(claim, out var value) ? []
            : value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(v => v.GetString()!)]
            : [value.GetString()!];
}
