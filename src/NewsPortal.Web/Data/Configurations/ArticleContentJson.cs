using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Data.Configurations;

/// <summary>
/// Stores an <see cref="ArticleContent"/> as one JSON text column: revisions and pending changes are
/// read and written whole, never queried field by field, and the same text works on every provider.
/// </summary>
internal static class ArticleContentJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(ArticleContent content) => JsonSerializer.Serialize(content, Options);

    public static ArticleContent Deserialize(string json) =>
        JsonSerializer.Deserialize<ArticleContent>(json, Options) ?? throw new JsonException("Empty article content.");

    public static readonly ValueConverter<ArticleContent?, string?> Converter = new(
        content => content == null ? null : Serialize(content),
        json => json == null ? null : Deserialize(json));

    /// <summary>Compares by the stored text, so a changed credit list inside the value is noticed.</summary>
    public static readonly ValueComparer<ArticleContent?> Comparer = new(
        (a, b) => (a == null ? null : Serialize(a)) == (b == null ? null : Serialize(b)),
        content => content == null ? 0 : Serialize(content).GetHashCode(StringComparison.Ordinal),
        content => content);
}
