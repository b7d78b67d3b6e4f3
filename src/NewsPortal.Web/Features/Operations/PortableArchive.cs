using NewsPortal.Web.Domain;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace NewsPortal.Web.Features.Operations;

/// <summary>
/// The portable archive <c>export</c> writes and <c>import</c> reads: plain files any editor, static-site
/// generator or script can use without NewsPortal.
/// <list type="bullet">
/// <item><c>newsroom.yaml</c>: the editions with their sections and tags, the sources with their names in other languages, and the people credited (a pen name as the pen name alone).</item>
/// <item><c>articles/{edition}/{id}-{slug}.md</c>: one story each, YAML front matter (section, status, dates, contributors,
/// credited sources with their roles, tags, picture, translations, corrections) and the Markdown body.</item>
/// <item><c>pictures/{key}.jpg</c>: each picture once, the full-size master where one was kept.</item>
/// </list>
/// </summary>
public static class PortableArchive
{
    public const string NewsroomFile = "newsroom.yaml";

    public const string ArticlesFolder = "articles";

    public const string PicturesFolder = "pictures";

    public const string FrontMatterFence = "---";

    public static ISerializer Serializer { get; } = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .Build();

    public static IDeserializer Deserializer { get; } = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();
}

public sealed class PortableNewsroom
{
    public List<PortableEdition> Editions { get; set; } = [];

    public List<PortableSource> Sources { get; set; } = [];

    /// <summary>The people credited on stories. A pen name is exported as the pen name alone: no real name, no account.</summary>
    public List<PortablePerson> People { get; set; } = [];
}

public sealed class PortablePerson
{
    public string Slug { get; set; } = "";

    public string LatinName { get; set; } = "";

    public bool PenName { get; set; }

    /// <summary>The person's name and bio per edition code.</summary>
    public Dictionary<string, PortableProfile> Profiles { get; set; } = [];

    public PortablePicture? Photo { get; set; }
}

public sealed class PortableProfile
{
    public string Name { get; set; } = "";

    public string Bio { get; set; } = "";
}

/// <summary>A person credited on a story or update, by address, with the role.</summary>
public sealed class PortableContributor
{
    public string Person { get; set; } = "";

    public ContributorRole Role { get; set; }
}

public sealed class PortableEdition
{
    public string Code { get; set; } = "";

    public string NativeName { get; set; } = "";

    public string EnglishName { get; set; } = "";

    public TextDirection Direction { get; set; }

    public SlugPolicy SlugPolicy { get; set; }

    public List<string> Countries { get; set; } = [];

    public bool IsDefault { get; set; }

    public List<PortableSection> Sections { get; set; } = [];

    /// <summary>The edition's tags with their addresses (absent in archives from before tags).</summary>
    public List<PortableTag> Tags { get; set; } = [];
}

public sealed class PortableTag
{
    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";
}

public sealed class PortableSection
{
    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";
}

public sealed class PortableSource
{
    public string Code { get; set; } = "";

    public string ShortName { get; set; } = "";

    public string FullName { get; set; } = "";

    public SourceKind Kind { get; set; }

    public string? Url { get; set; }

    public Dictionary<string, PortableName> LocalNames { get; set; } = [];
}

public sealed class PortableName
{
    public string ShortName { get; set; } = "";

    public string? FullName { get; set; }
}

/// <summary>The front matter of one story's file.</summary>
public sealed class PortableArticle
{
    public int Id { get; set; }

    public string Edition { get; set; } = "";

    public string Section { get; set; } = "";

    public string Headline { get; set; } = "";

    public string Slug { get; set; } = "";

    public string Lead { get; set; } = "";

    public List<PortableContributor> Contributors { get; set; } = [];

    public ArticleStatus Status { get; set; }

    public DateTime Created { get; set; }

    public DateTime Updated { get; set; }

    public DateTime? Published { get; set; }

    public DateTime? Scheduled { get; set; }

    public DateTime? BreakingUntil { get; set; }

    public List<PortableCredit> Sources { get; set; } = [];

    /// <summary>The story's tags by name, in order (names of the edition's tags in <c>newsroom.yaml</c>, or new ones).</summary>
    public List<string> Tags { get; set; } = [];

    public PortablePicture? Picture { get; set; }

    /// <summary>The ids of the same story in the other editions.</summary>
    public List<int> Translations { get; set; } = [];

    public List<PortableCorrection> Corrections { get; set; } = [];

    /// <summary>For live coverage: when it opened and ended, and its updates, oldest first.</summary>
    public PortableCoverage? Coverage { get; set; }
}

public sealed class PortableCoverage
{
    public DateTime Started { get; set; }

    public DateTime? Ended { get; set; }

    public List<PortableUpdate> Updates { get; set; } = [];
}

/// <summary>One live update, with its Markdown, as posted and as corrected or removed since.</summary>
public sealed class PortableUpdate
{
    public DateTime Posted { get; set; }

    public List<PortableContributor> Contributors { get; set; } = [];

    public string? Title { get; set; }

    public string Body { get; set; } = "";

    public string? Quote { get; set; }

    public string? QuoteBy { get; set; }

    public bool Pinned { get; set; }

    public List<string> Sources { get; set; } = [];

    public PortablePicture? Picture { get; set; }

    public string? CorrectionNote { get; set; }

    public DateTime? Corrected { get; set; }

    public DateTime? Removed { get; set; }

    public string? RemovedBy { get; set; }

    public string? RemovalReason { get; set; }
}

public sealed class PortableCredit
{
    public string Code { get; set; } = "";

    public SourceRole Role { get; set; }
}

public sealed class PortablePicture
{
    /// <summary>The picture's file, relative to the archive's folder (<c>pictures/{key}.jpg</c>).</summary>
    public string File { get; set; } = "";

    public string? Alt { get; set; }

    public bool Decorative { get; set; }

    public string? Caption { get; set; }

    public string? Credit { get; set; }

    public double FocalX { get; set; } = 0.5;

    public double FocalY { get; set; } = 0.5;
}

public sealed class PortableCorrection
{
    public DateTime Published { get; set; }

    public string Text { get; set; } = "";
}
