using Clea.Auth.Users;
using Clea.Data.Common;

namespace Clea.Graph.Tests.Onboarding;

/// <summary>The password rules of self-service accounts, at their boundaries.</summary>
public sealed class PasswordPolicyTests
{
    private const string Email = "claire.dubois@horizon-formation.fr";

    [Theory]
    [InlineData("Vq7#kLm2pZr", PasswordErrors.TooShort)]        // 11 characters
    [InlineData("Motdepasse2024!", PasswordErrors.TooCommon)]   // a usual word with digits and a symbol
    [InlineData("P@ssw0rd123456", PasswordErrors.TooCommon)]    // substitutions undone
    [InlineData("azertyuiop12", PasswordErrors.TooCommon)]      // a keyboard row
    [InlineData("123456789012", PasswordErrors.TooCommon)]      // digits only
    [InlineData("abababababab", PasswordErrors.TooCommon)]      // fewer than 5 distinct characters
    [InlineData("claire.dubois-2026!", PasswordErrors.ContainsEmail)]
    [InlineData("x-CLAIRE.DUBOIS@horizon-formation.fr", PasswordErrors.ContainsEmail)]
    public void A_weak_password_is_refused_with_the_rule_it_breaks(string password, string code)
        => Assert.Equal(code, Assert.Throws<DomainRuleException>(() => PasswordPolicy.Check(password, Email)).Code);

    [Fact]
    public void Twelve_characters_are_enough_and_129_too_many()
    {
        PasswordPolicy.Check("Vq7#kLm2pZrT", Email); // 12: accepted
        PasswordPolicy.Check(new string([.. Enumerable.Range(0, 128).Select(i => (char)('a' + (i * 7 % 26)))]), Email);
        var tooLong = new string([.. Enumerable.Range(0, 129).Select(i => (char)('a' + (i * 7 % 26)))]);
        Assert.Equal(PasswordErrors.TooLong, Assert.Throws<DomainRuleException>(() => PasswordPolicy.Check(tooLong, Email)).Code);
    }

    [Fact]
    public void A_long_phrase_is_accepted_even_with_a_common_word_in_it()
        => PasswordPolicy.Check("cheval correct agrafe batterie", Email);
}
