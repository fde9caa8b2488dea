using System.Net;
using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Data.Users;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Tests.Onboarding;

/// <summary>Sign-up on the login pages: password rules, the single-use expiring confirmation link, no account disclosure.</summary>
public sealed class SignUpTests
{
    private const string Email = "claire.dubois@horizon-formation.fr";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_new_account_cannot_sign_in_until_confirmed_and_the_link_works_once_up_to_its_expiry(DatabaseProvider provider)
    {
        await using var world = await OnboardingWorld.StartAsync(provider);
        using var browser = world.Api.CreateBrowser();

        // The password rules answer on the page, with their code, and nothing is created.
        var (status, html) = await OnboardingWorld.SignUpAsync(browser, Email, "Claire Dubois", "Vq7#kLm2pZr");
        Assert.Equal((HttpStatusCode.BadRequest, "PASSWORD_TOO_SHORT"), (status, OnboardingWorld.CodeIn(html)));
        (status, html) = await OnboardingWorld.SignUpAsync(browser, Email, "Claire Dubois", "claire.dubois2026");
        Assert.Equal((HttpStatusCode.BadRequest, "PASSWORD_CONTAINS_EMAIL"), (status, OnboardingWorld.CodeIn(html)));
        Assert.False(await world.ReadAsync(db => db.Users.AnyAsync(u => u.Email == Email)));

        (status, html) = await OnboardingWorld.SignUpAsync(browser, Email, "Claire Dubois", OnboardingWorld.Password);
        Assert.Equal(HttpStatusCode.OK, status);

        // Unconfirmed: the password grant and the login page refuse, saying why.
        var early = await world.Api.PasswordAsync(Email, OnboardingWorld.Password);
        Assert.Equal("invalid_grant", early.Error);
        Assert.Contains("not confirmed", early.Body, StringComparison.Ordinal);

        var link = await world.ConfirmationLinkAsync(Email);
        // Only the hash is stored.
        var stored = await world.ReadAsync(db => db.Users.SingleAsync(u => u.Email == Email));
        Assert.DoesNotContain(stored.EmailConfirmationHash!, link, StringComparison.Ordinal);
        Assert.Equal(UserRole.Registrant, stored.Role);

        // Valid up to its expiry instant included (24 hours).
        world.Api.Clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal(HttpStatusCode.OK, (await OnboardingWorld.ConfirmAsync(browser, link)).Status);
        (status, html) = await OnboardingWorld.ConfirmAsync(browser, link);
        Assert.Equal((HttpStatusCode.BadRequest, "CONFIRMATION_LINK_INVALID"), (status, OnboardingWorld.CodeIn(html)));

        var token = await world.Api.PasswordAsync(Email, OnboardingWorld.Password);
        Assert.True(token.Status == HttpStatusCode.OK, token.Body);
        Assert.Equal(["registrant"], Jwt.Values(Jwt.Payload(token.AccessToken!), "role"));
        Assert.Empty(Jwt.Values(Jwt.Payload(token.AccessToken!), "clea_siren"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_link_one_second_past_its_expiry_is_refused_and_signing_up_again_sends_a_new_one(DatabaseProvider provider)
    {
        await using var world = await OnboardingWorld.StartAsync(provider);
        using var browser = world.Api.CreateBrowser();
        await OnboardingWorld.SignUpAsync(browser, Email, "Claire Dubois", OnboardingWorld.Password);
        var first = await world.ConfirmationLinkAsync(Email);

        world.Api.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        var (status, html) = await OnboardingWorld.ConfirmAsync(browser, first);
        Assert.Equal((HttpStatusCode.BadRequest, "CONFIRMATION_LINK_EXPIRED"), (status, OnboardingWorld.CodeIn(html)));
        Assert.Equal("invalid_grant", (await world.Api.PasswordAsync(Email, OnboardingWorld.Password)).Error);

        await OnboardingWorld.SignUpAsync(browser, Email, "Claire Dubois", OnboardingWorld.Password);
        var second = await world.ConfirmationLinkAsync(Email);
        Assert.NotEqual(first, second);
        Assert.Equal("CONFIRMATION_LINK_INVALID", OnboardingWorld.CodeIn((await OnboardingWorld.ConfirmAsync(browser, first)).Html));
        Assert.Equal(HttpStatusCode.OK, (await OnboardingWorld.ConfirmAsync(browser, second)).Status);
        Assert.Equal(1, await world.ReadAsync(db => db.Users.CountAsync(u => u.Email == Email)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Signing_up_with_an_address_that_has_an_account_answers_the_same_and_mails_its_owner(DatabaseProvider provider)
    {
        await using var world = await OnboardingWorld.StartAsync(provider);
        using var browser = world.Api.CreateBrowser();
        var fresh = await OnboardingWorld.SignUpAsync(browser, Email, "Claire Dubois", OnboardingWorld.Password);
        var known = await OnboardingWorld.SignUpAsync(browser, DemoAccounts.Organism, "Someone Else", OnboardingWorld.Password);
        Assert.Equal(fresh, known); // same status, same page

        var mail = Assert.Single(await world.MailsToAsync(DemoAccounts.Organism));
        Assert.Equal("CléA — Vous avez déjà un compte", mail.Subject);
        Assert.DoesNotContain("token=", OnboardingWorld.Body(mail), StringComparison.Ordinal);
        // The existing account is untouched: its password and role stand.
        var token = await world.Api.PasswordAsync(DemoAccounts.Organism, DemoAccounts.Password);
        Assert.Equal(["organism"], Jwt.Values(Jwt.Payload(token.AccessToken!), "role"));
        // Account e-mails are delivered, then their text is wiped, and they are never listed by `notifications`.
        Assert.True(await world.ReadAsync(db => db.Notifications.Where(n => n.IsAccountMail).AllAsync(n => n.Body == Clea.Data.Notifications.Notification.WipedBody)));
        var listed = await world.Api.AsAsync(DemoAccounts.Admin, "{ notifications(first: 50) { nodes { subject } } }");
        Assert.DoesNotContain("compte", listed.Body, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Sign_ups_are_throttled_per_email_address_and_per_client_before_any_mail(DatabaseProvider provider)
    {
        await using var world = await OnboardingWorld.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Onboarding:SignUpsPerHourPerAddress"] = "2",
            ["Onboarding:SignUpsPerHourPerClient"] = "4",
        });
        using var browser = world.Api.CreateBrowser();

        // The same address: the 2nd form is the last accepted this hour (the victim gets at most two e-mails).
        Assert.Equal(HttpStatusCode.OK, (await OnboardingWorld.SignUpAsync(browser, Email, "Claire Dubois", OnboardingWorld.Password)).Status);
        Assert.Equal(HttpStatusCode.OK, (await OnboardingWorld.SignUpAsync(browser, Email, "Claire Dubois", OnboardingWorld.Password)).Status);
        var (status, html) = await OnboardingWorld.SignUpAsync(browser, Email, "Claire Dubois", OnboardingWorld.Password);
        Assert.Equal((HttpStatusCode.TooManyRequests, "TOO_MANY_SIGN_UPS"), (status, OnboardingWorld.CodeIn(html)));
        Assert.Equal(2, (await world.MailsToAsync(Email)).Count);

        // The same client: its 4th form is the last accepted, whatever the address.
        Assert.Equal(HttpStatusCode.OK, (await OnboardingWorld.SignUpAsync(browser, "paul.morel@horizon-formation.fr", "Paul Morel", OnboardingWorld.Password)).Status);
        (status, html) = await OnboardingWorld.SignUpAsync(browser, "lea.roux@horizon-formation.fr", "Léa Roux", OnboardingWorld.Password);
        Assert.Equal((HttpStatusCode.TooManyRequests, "TOO_MANY_SIGN_UPS"), (status, OnboardingWorld.CodeIn(html)));
        Assert.False(await world.ReadAsync(db => db.Users.AnyAsync(u => u.Email == "lea.roux@horizon-formation.fr")));
    }
}
