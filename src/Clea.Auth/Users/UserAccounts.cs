using Clea.Data;
using Clea.Data.Common;
using Clea.Data.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clea.Auth.Users;

/// <summary>
/// Creates users and checks their passwords. Passwords are hashed with ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted, versioned format), never stored as given.
/// </summary>
public sealed class UserAccounts(CleaDbContext db, IPasswordHasher<User> hasher)
{
    public const int PasswordMinLength = 8;
    public const string PasswordTooShort = "PASSWORD_TOO_SHORT";

    public async Task<User> CreateAsync(string email, string displayName, string password, UserRole role,
        string? organismSiren = null, string? instanceCode = null, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(password) || password.Length < PasswordMinLength)
            throw new DomainRuleException(PasswordTooShort, $"A password has at least {PasswordMinLength} characters.");
        // The hash is computed below; the entity checks the rest before anything is hashed (hashing is deliberately slow).
        var user = User.Create(email, displayName, "pending", role, organismSiren, instanceCode);
        user.ChangePasswordHash(hasher.HashPassword(user, password));
        if (await db.Users.AnyAsync(u => u.Email == user.Email, ct))
            throw new DomainRuleException(UserErrors.EmailAlreadyUsed, $"A user with e-mail {user.Email} already exists.");
        if (user.InstanceCode is { } code && !await db.Instances.AnyAsync(i => i.Code == code, ct))
            throw new DomainRuleException(UserErrors.UnknownInstance, $"There is no Instance with code {code}.");
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return user;
    }

    public Task<User?> FindByEmailAsync(string? email, CancellationToken ct = default)
    {
        var normalized = (email ?? string.Empty).Trim().ToLowerInvariant();
        return db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == normalized, ct);
    }

    public Task<User?> FindByIdAsync(int id, CancellationToken ct = default)
        => db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);

    /// <summary>The user with this e-mail and password, or null (unknown e-mail and wrong password are not told apart).</summary>
    public async Task<User?> AuthenticateAsync(string? email, string? password, CancellationToken ct = default)
    {
        var user = await FindByEmailAsync(email, ct);
        if (user is null || string.IsNullOrEmpty(password)) return null;
        var result = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            var tracked = await db.Users.SingleAsync(u => u.Id == user.Id, ct);
            tracked.ChangePasswordHash(hasher.HashPassword(tracked, password));
            await db.SaveChangesAsync(ct);
        }
        return result == PasswordVerificationResult.Failed ? null : user;
    }

    public async Task<IReadOnlyList<User>> ListAsync(CancellationToken ct = default)
        => await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
}
