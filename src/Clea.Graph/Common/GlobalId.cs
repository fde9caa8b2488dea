using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Clea.Graph.Common;

/// <summary>
/// Relay global ids: URL-safe base64 of <c>Type:key</c>. Opaque to clients, stable across databases.
/// </summary>
public static class GlobalId
{
    public static string Encode(string typeName, int key) => Encode(typeName, key.ToString(CultureInfo.InvariantCulture));

    public static string Encode(string typeName, string key)
        => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{typeName}:{key}"));

    public static bool TryDecode(string? id, out string typeName, out string key)
    {
        typeName = key = string.Empty;
        if (string.IsNullOrEmpty(id) || id.Length > 200 || !Base64Url.IsValid(id)) return false;
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(id));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1) return false;
        typeName = text[..colon];
        key = text[(colon + 1)..];
        return true;
    }
}
