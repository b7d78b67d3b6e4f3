namespace NewsPortal.Web.Features.Editing;

/// <summary>
/// Every limit on what the article form may post, in one place: the form's label, the README and the
/// controller's attributes all read them from here.
/// </summary>
public static class ArticleFormLimits
{
    /// <summary>A camera JPEG is 15–25 MB; anything up to this is accepted and scaled down.</summary>
    public const long MaxPictureBytes = 30 * 1024 * 1024;

    /// <summary>
    /// The whole POST, picture and text included. Up to this the form is read and a too-large picture is
    /// refused with the editor's text kept; a larger request is refused before it is read (413, stored form).
    /// It is well above <see cref="MaxPictureBytes"/> so that the usual mistake, a picture just over the limit,
    /// keeps everything typed.
    /// </summary>
    public const long MaxRequestBytes = 64 * 1024 * 1024;

    /// <summary>
    /// Form fields the article form may post. The form posts two per source (about 500 in a big newsroom)
    /// plus about 25 others; every other endpoint keeps ASP.NET Core's default of 1,024.
    /// </summary>
    public const int MaxFormValues = 5000;
}
