using Clea.Auth.Clients;
using Clea.Auth.Users;
using Clea.Data;
using Clea.Data.Onboarding;
using Clea.Data.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Clea.Auth.Server;

public static class IdentityRegistration
{
    /// <summary>
    /// The identity server (OpenIddict, stores in <see cref="CleaDbContext"/>), local validation of its access tokens as
    /// the default authentication scheme (anonymous requests stay anonymous), users, clients and token pruning.
    /// Throws outside Development when the keys or the issuer are not configured.
    /// </summary>
    public static IServiceCollection AddCleaIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(CleaIdentityOptions.Section);
        var options = section.Get<CleaIdentityOptions>() ?? new CleaIdentityOptions();
        services.Configure<CleaIdentityOptions>(section);
        var development = environment.IsDevelopment();

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<CleaDbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(CleaIdentity.TokenPath.TrimStart('/'))
                    .SetAuthorizationEndpointUris(CleaIdentity.AuthorizePath.TrimStart('/'));
                server.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow();
                if (options.AllowPasswordGrant) server.AllowPasswordFlow();
                // PKCE with S256 only: "plain" sends the verifier itself and protects nothing (discovery and requests).
                server.Configure(o => o.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                server.RegisterScopes(Scopes.OpenId, Scopes.OfflineAccess, Scopes.Profile, Scopes.Roles);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(options.RefreshTokenLifetime);
                // The API is this same host and validates locally: signed JWT access tokens are enough, and their payload
                // stays readable by clients for debugging. Codes and refresh tokens remain encrypted.
                server.DisableAccessTokenEncryption();
                IdentityKeys.Configure(server, options, development);

                var aspNetCore = server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough();
                // Plain HTTP only for the local demo at http://localhost:5080; never outside Development.
                if (development) aspNetCore.DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.AddAudiences(CleaIdentity.Audience);
                validation.UseAspNetCore();
            });

        services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .AddCookie(CleaIdentity.LoginScheme, cookie =>
            {
                cookie.LoginPath = CleaIdentity.LoginPath;
                cookie.Cookie.Name = "clea.login";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(1);
            });
        services.AddAntiforgery();

        services.AddScoped<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddScoped<UserAccounts>();
        services.Configure<OnboardingOptions>(configuration.GetSection(OnboardingOptions.Section));
        services.AddHttpContextAccessor();
        services.AddScoped<IAccountLinks, AccountLinks>();
        services.AddScoped<AccountOnboarding>();
        services.AddScoped<ClientRegistrations>();
        services.AddSingleton<TokenPruning>();
        services.AddSingleton<SignUpThrottle>();
        services.AddHostedService(sp => sp.GetRequiredService<TokenPruning>());
        return services;
    }

    /// <summary>The token, authorization and sign-in endpoints (discovery and keys are served by OpenIddict itself).</summary>
    public static IEndpointRouteBuilder MapCleaIdentity(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(CleaIdentity.TokenPath, TokenEndpoint.HandleAsync).ExcludeFromDescription();
        endpoints.MapMethods(CleaIdentity.AuthorizePath, [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.HandleAsync).ExcludeFromDescription();
        endpoints.MapGet(CleaIdentity.LoginPath, LoginEndpoints.Form).ExcludeFromDescription();
        endpoints.MapPost(CleaIdentity.LoginPath, LoginEndpoints.SubmitAsync).ExcludeFromDescription().DisableAntiforgery();
        endpoints.MapGet(CleaIdentity.SignUpPath, SignUpEndpoints.SignUpForm).ExcludeFromDescription();
        endpoints.MapPost(CleaIdentity.SignUpPath, SignUpEndpoints.SignUpAsync).ExcludeFromDescription().DisableAntiforgery();
        endpoints.MapGet(CleaIdentity.ConfirmPath, SignUpEndpoints.ConfirmForm).ExcludeFromDescription();
        endpoints.MapPost(CleaIdentity.ConfirmPath, SignUpEndpoints.ConfirmAsync).ExcludeFromDescription().DisableAntiforgery();
        endpoints.MapGet(CleaIdentity.InvitationPath, SignUpEndpoints.InvitationForm).ExcludeFromDescription();
        endpoints.MapPost(CleaIdentity.InvitationPath, SignUpEndpoints.AcceptInvitationAsync).ExcludeFromDescription().DisableAntiforgery();
        endpoints.MapPost(CleaIdentity.LogoutPath, (Delegate)LoginEndpoints.LogoutAsync).ExcludeFromDescription();
        return endpoints;
    }
}
