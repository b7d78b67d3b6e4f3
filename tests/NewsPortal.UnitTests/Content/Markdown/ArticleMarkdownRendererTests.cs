using AngleSharp.Html.Parser;
using NewsPortal.Web.Content.Markdown;

namespace NewsPortal.UnitTests.Content.Markdown;

public class ArticleMarkdownRendererTests
{
    private static readonly ArticleMarkdownRenderer Renderer = new();

    /// <summary>Inputs that try to run script or load active content, through Markdown and around it.</summary>
    public static TheoryData<string> XssCorpus => new()
    {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1))",
        "[click](java\tscript:alert(1))",
        "[click](  javascript:alert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click](DATA:text/html,<script>alert(1)</script>)",
        "![x](javascript:alert(1))",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "<javascript:alert(1)>",
        "# Heading {onclick=alert(1)}",
        "[link](https://example.org){onmouseover=alert(1)}",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<a href=\"https://example.org\" onclick=\"alert(1)\">x</a>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<style>body{background:red}</style>",
        "`<script>` in code is text, **<b onmouseover=alert(1)>bold</b>**",
        "> <img src=x onerror=alert(1)> in a quote",
        "[a](https://example.org \"title\\\" onmouseover=\\\"alert(1)\")",
    };

    [Theory]
    [MemberData(nameof(XssCorpus))]
    public void RenderedHtmlHasNoScriptHandlersOrActiveLinks(string markdown)
    {
        var html = Renderer.RenderHtml(markdown);
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");

        Assert.Empty(document.QuerySelectorAll("script, iframe, object, embed, form, style, svg, math, base, meta, img"));
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name} in {html}");
                Assert.NotEqual("style", attribute.Name);
            }

            if (element.GetAttribute("href") is { } href)
            {
                var scheme = href.Contains(':', StringComparison.Ordinal) ? href[..href.IndexOf(':', StringComparison.Ordinal)].Trim().ToLowerInvariant() : "";
                Assert.True(scheme is "" or "http" or "https" or "mailto", $"unsafe link {href} in {html}");
            }
        }
    }

    [Fact]
    public void RawHtmlIsShownAsTextNotMarkup()
    {
        var html = Renderer.RenderHtml("Press <b>here</b>");
        Assert.Contains("&lt;b&gt;here&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepsWhatArticlesNeed()
    {
        var html = Renderer.RenderHtml("""
            ## Sub-head

            A paragraph with *emphasis*, **strength** and a [link](https://example.org/report).

            > A quotation from a named source.

            - one
            - two
            """);
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");

        Assert.Equal("Sub-head", document.QuerySelector("h2")?.TextContent);
        Assert.NotNull(document.QuerySelector("em"));
        Assert.NotNull(document.QuerySelector("strong"));
        Assert.Equal("https://example.org/report", document.QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal("A quotation from a named source.", document.QuerySelector("blockquote p")?.TextContent);
        Assert.Equal(2, document.QuerySelectorAll("li").Length);
    }

    [Fact]
    public void ALevelOneHeadingBecomesLevelTwoSoThePageKeepsOneH1()
    {
        var html = Renderer.RenderHtml("# Not the headline\n\ntext");
        Assert.DoesNotContain("<h1", html, StringComparison.Ordinal);
        Assert.Contains("<h2", html, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainTextHasNoMarkup()
    {
        var rendered = Renderer.Render("## Head\n\nSome **bold** text and a [link](https://example.org).\n\n> quoted");
        Assert.Equal("Head Some bold text and a link. quoted", rendered.Text);
    }
}
