using System.Text;

namespace Clea.Data.Habilitations;

/// <summary>
/// The case of §V.3 and the effective-date rule of a withdrawal, carried by its <c>WITHDRAWN</c> event as its reference
/// (e.g. <c>CONFORMITY_PROCEDURE_END/ON_NOTICE_DATE</c>, the schema's enum names) and read back by the withdrawal e-mail.
/// </summary>
public static class WithdrawalGrounds
{
    public static string Reference(WithdrawalCase withdrawalCase, WithdrawalEffect effect) => $"{Constant(withdrawalCase.ToString())}/{Constant(effect.ToString())}";

    /// <summary>Reads a reference written by <see cref="Reference"/>; false for anything else (older withdrawals have none).</summary>
    public static bool TryParse(string? reference, out WithdrawalCase withdrawalCase, out WithdrawalEffect effect)
    {
        withdrawalCase = default;
        effect = default;
        var parts = reference?.Split('/') ?? [];
        return parts.Length == 2
               && Enum.TryParse(parts[0].Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out withdrawalCase)
               && Enum.TryParse(parts[1].Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out effect);
    }

    private static string Constant(string pascal)
    {
        var text = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0) text.Append('_');
            text.Append(char.ToUpperInvariant(c));
        }
        return text.ToString();
    }
}
