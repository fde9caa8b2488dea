using Clea.Auth.Demo;

namespace Clea.Graph.Tests.Support;

/// <summary>Signs demo users in (password grant, enabled for tests) and remembers their access tokens.</summary>
public static class SignedInApi
{
    public static async Task<string> TokenForAsync(this CleaApi api, string email)
    {
        var token = await api.PasswordAsync(email, DemoAccounts.Password);
        return token.AccessToken ?? throw new InvalidOperationException($"No token for {email}: {token.Body}");
    }

    /// <summary>Runs a request as a demo user (or anonymously when <paramref name="email"/> is null).</summary>
    public static async Task<GraphQLResponse> AsAsync(this CleaApi api, string? email, string query, object? variables = null)
        => email is null ? await api.PostAsync(query, variables) : await api.PostAsAsync(await api.TokenForAsync(email), query, variables);
}
