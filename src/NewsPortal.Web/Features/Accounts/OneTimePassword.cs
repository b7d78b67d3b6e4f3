using System.Security.Cryptography;

namespace NewsPortal.Web.Features.Accounts;

/// <summary>A random 20-character password (about 115 bits) for a new account or a reset, shown once.</summary>
public static class OneTimePassword
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Create() => string.Concat(Enumerable.Range(0, 20).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]));
}
