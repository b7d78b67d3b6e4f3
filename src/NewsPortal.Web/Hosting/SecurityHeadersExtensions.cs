namespace NewsPortal.Web.Hosting;

internal static class SecurityHeadersExtensions
{
    /// <summary>
    /// Strict headers on every response: reader pages load nothing from elsewhere and run no script,
    /// so the content security policy can say exactly that.
    /// </summary>
    public static IApplicationBuilder UseNewsPortalSecurityHeaders(this IApplicationBuilder app)
    {
        var policies = new HeaderPolicyCollection()
            .AddDefaultSecurityHeaders()
            // HTTPS only for a year, subdomains included; sent on HTTPS requests (directly or through a trusted proxy).
            .AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 365 * 24 * 60 * 60)
            .AddFrameOptionsDeny()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddPermissionsPolicyWithDefaultSecureDirectives()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                // The text-only article page carries its few rules inline, allowed by their hash (no nonce:
                // cached pages are the same bytes for everyone).
                csp.AddStyleSrc().Self().WithHash256(Views.LitePageStyle.Sha256);
                csp.AddImgSrc().Self();
                csp.AddFontSrc().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
                csp.AddBaseUri().None();
                csp.AddObjectSrc().None();
            });
        return app.UseSecurityHeaders(policies);
    }
}
