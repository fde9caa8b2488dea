using Clea.Data.Onboarding;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clea.Auth.Server;

/// <summary>
/// The links of account e-mails: <c>Onboarding:PublicBaseUrl</c>, or the current request's address. In Development each
/// link is also logged, so the demo needs no mail server (the links are secrets: never logged elsewhere).
/// </summary>
internal sealed class AccountLinks(IOptions<OnboardingOptions> options, IHttpContextAccessor http, IHostEnvironment environment,
    ILogger<AccountLinks> logger) : IAccountLinks
{
    public string Confirmation(string token) => Log("Confirmation", QueryHelpers.AddQueryString(Base() + CleaIdentity.ConfirmPath, "token", token));

    public string Invitation(string token) => Log("Invitation", QueryHelpers.AddQueryString(Base() + CleaIdentity.InvitationPath, "token", token));

    public string SignIn() => Base() + CleaIdentity.LoginPath;

    private string Base()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)) return options.Value.PublicBaseUrl.TrimEnd('/');
        var request = http.HttpContext?.Request;
        return request is null ? "http://localhost:5080" : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    private string Log(string kind, string link)
    {
        if (environment.IsDevelopment()) logger.LogInformation("{Kind} link (Development only): {Link}", kind, link);
        return link;
    }
}
