using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NewsPortal.Web.Settings;

/// <summary>
/// The <c>DataProtection</c> section: the certificate that encrypts the data-protection keys at rest (the keys
/// that sign editor sessions and antiforgery tokens, kept in the data directory's <c>keys</c> folder and in every
/// backup). With it, a copy of the data folder or of a backup alone cannot forge a session. Keep the certificate
/// outside the data directory, and give its password through the environment (<c>DataProtection__CertificatePassword</c>).
/// </summary>
public sealed class KeyProtectionOptions : IValidatableObject
{
    public const string SectionName = "DataProtection";

    private X509Certificate2? _certificate;

    /// <summary>A PKCS#12 (.pfx) file with an RSA certificate and its private key; empty leaves the keys unencrypted.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>The certificate, loaded once; null when none is configured.</summary>
    public X509Certificate2? Certificate() =>
        string.IsNullOrWhiteSpace(CertificatePath) ? null : _certificate ??= X509CertificateLoader.LoadPkcs12FromFile(CertificatePath, CertificatePassword);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(CertificatePath))
        {
            yield break;
        }

        string? problem = null;
        try
        {
            using var key = Certificate()!.GetRSAPrivateKey();
            if (key is null)
            {
                problem = $"DataProtection:CertificatePath ({CertificatePath}) holds no RSA private key, so keys encrypted with it could not be read back.";
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            problem = $"DataProtection:CertificatePath ({CertificatePath}) cannot be read with the given password: {ex.Message}";
        }

        if (problem is not null)
        {
            yield return new ValidationResult(problem, [nameof(CertificatePath)]);
        }
    }
}
