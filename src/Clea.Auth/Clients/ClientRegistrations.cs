using Clea.Data.Common;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Clea.Auth.Clients;

/// <summary>A registered OAuth client as the administration lists it (never its secret, which is stored hashed).</summary>
public sealed record ClientSummary(string ClientId, string? DisplayName, string? ClientType, IReadOnlyList<string> GrantTypes);

/// <summary>
/// Registers OAuth clients in OpenIddict's store. Integrators are confidential clients allowed the client credentials
/// grant only; their tokens carry the <c>integrator</c> role. OpenIddict hashes the secret before storing it.
/// </summary>
public sealed class ClientRegistrations(IOpenIddictApplicationManager applications)
{
    public const int SecretMinLength = 16;

    public async Task CreateIntegratorAsync(string clientId, string secret, string? displayName = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(clientId))
            throw new DomainRuleException(ClientErrors.ClientIdRequired, "A client needs an id.");
        if (string.IsNullOrEmpty(secret) || secret.Length < SecretMinLength)
            throw new DomainRuleException(ClientErrors.SecretTooShort, $"A client secret has at least {SecretMinLength} characters.");
        if (await applications.FindByClientIdAsync(clientId.Trim(), ct) is not null)
            throw new DomainRuleException(ClientErrors.ClientAlreadyExists, $"A client with id {clientId.Trim()} already exists.");
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId.Trim(),
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? clientId.Trim() : displayName.Trim(),
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        }, ct);
    }

    /// <summary>
    /// A public client for people (a web or command-line front end): authorization code with PKCE, refresh tokens and,
    /// where the server enables it, the password grant. Public clients have no secret.
    /// </summary>
    public async Task CreatePeopleClientAsync(string clientId, string displayName, IEnumerable<Uri> redirectUris, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(clientId))
            throw new DomainRuleException(ClientErrors.ClientIdRequired, "A client needs an id.");
        if (await applications.FindByClientIdAsync(clientId.Trim(), ct) is not null)
            throw new DomainRuleException(ClientErrors.ClientAlreadyExists, $"A client with id {clientId.Trim()} already exists.");
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId.Trim(),
            ClientType = ClientTypes.Public,
            DisplayName = displayName,
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.GrantTypes.Password,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in redirectUris) descriptor.RedirectUris.Add(uri);
        await applications.CreateAsync(descriptor, ct);
    }

    public async Task<bool> ExistsAsync(string clientId, CancellationToken ct = default)
        => await applications.FindByClientIdAsync(clientId, ct) is not null;

    public async Task<IReadOnlyList<ClientSummary>> ListAsync(CancellationToken ct = default)
    {
        var list = new List<ClientSummary>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, ct))
        {
            var permissions = await applications.GetPermissionsAsync(application, ct);
            list.Add(new ClientSummary(
                await applications.GetClientIdAsync(application, ct) ?? "?",
                await applications.GetDisplayNameAsync(application, ct),
                await applications.GetClientTypeAsync(application, ct),
                [.. permissions.Where(p => p.StartsWith(Permissions.Prefixes.GrantType, StringComparison.Ordinal))
                    .Select(p => p[Permissions.Prefixes.GrantType.Length..])]));
        }
        return [.. list.OrderBy(c => c.ClientId, StringComparer.Ordinal)];
    }
}
