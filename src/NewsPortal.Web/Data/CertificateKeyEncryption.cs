using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Data;

/// <summary>
/// Encrypts each data-protection key with the certificate of <see cref="KeyProtectionOptions"/> (XML encryption,
/// RSA-OAEP around AES), naming <see cref="CertificateKeyDecryptor"/> as the way back. The certificate is taken
/// from configuration when the key is written, not fixed at startup, so tests and operators configure it like any option.
/// </summary>
public sealed class CertificateKeyEncryptor(KeyProtectionOptions options) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var certificate = options.Certificate() ?? throw new InvalidOperationException("No DataProtection:CertificatePath is configured.");
        var encrypted = new CertificateXmlEncryptor(certificate, NullLoggerFactory.Instance).Encrypt(plaintextElement);
        return new EncryptedXmlInfo(encrypted.EncryptedElement, typeof(CertificateKeyDecryptor));
    }
}

/// <summary>Decrypts a key written by <see cref="CertificateKeyEncryptor"/> with the configured certificate's private key.</summary>
public sealed class CertificateKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var certificate = services.GetRequiredService<IOptions<KeyProtectionOptions>>().Value.Certificate()
            ?? throw new InvalidOperationException("The data-protection keys are encrypted with a certificate, but no DataProtection:CertificatePath is configured.");

        // EncryptedXml works on a whole document: wrap the element, decrypt in place, take the plaintext back out.
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(new XElement("root", encryptedElement).ToString(SaveOptions.DisableFormatting));
        new WithCertificate(document, certificate).DecryptDocument();
        return XElement.Parse(document.DocumentElement!.FirstChild!.OuterXml);
    }

    /// <summary>Finds the key-encryption key in the configured certificate rather than in a certificate store.</summary>
    private sealed class WithCertificate(XmlDocument document, X509Certificate2 certificate) : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
        {
            ArgumentNullException.ThrowIfNull(encryptedKey);
            using var key = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("The data-protection certificate has no RSA private key.");
            return DecryptKey(encryptedKey.CipherData.CipherValue!, key, encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl);
        }
    }
}
