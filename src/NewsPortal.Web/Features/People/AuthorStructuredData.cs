using System.Text.Json.Nodes;

namespace NewsPortal.Web.Features.People;

/// <summary>
/// schema.org <c>ProfilePage</c> of an author page, its main entity the <c>Person</c>: name, page and bio as the
/// edition shows them. A pen name's page says nothing more, so nothing here ties it to anyone.
/// </summary>
public static class AuthorStructuredData
{
    public static JsonObject For(AuthorView author, Uri url, string siteName)
    {
        var person = new JsonObject
        {
            ["@type"] = "Person",
            ["@id"] = url.AbsoluteUri.Split('?')[0] + "#person",
            ["name"] = author.Name,
            ["url"] = url.AbsoluteUri.Split('?')[0],
        };
        if (author.Bio.Length > 0)
        {
            person["description"] = author.Bio;
        }

        return new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ProfilePage",
            ["url"] = url.AbsoluteUri,
            ["name"] = author.Name,
            ["publisher"] = new JsonObject { ["@type"] = "NewsMediaOrganization", ["name"] = siteName },
            ["mainEntity"] = person,
        };
    }
}
